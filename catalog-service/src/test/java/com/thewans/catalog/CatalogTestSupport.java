package com.thewans.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import com.thewans.testkit.ServiceTestSupport;
import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;
import com.thewans.testkit.WansServiceTest;

import tools.jackson.databind.JsonNode;

/** catalog-service for real on a random port, with real PostgreSQL, Redis and S3-compatible storage. */
@WansServiceTest(storage = true)
public abstract class CatalogTestSupport extends ServiceTestSupport {

    protected final UUID creatorId = UUID.randomUUID();
    protected String creator;
    protected String otherCreator;
    protected String viewer;
    protected String admin;

    @BeforeEach
    void tokens() {
        creator = TestTokens.creator(creatorId);
        otherCreator = TestTokens.creator(UUID.randomUUID());
        viewer = TestTokens.viewer(UUID.randomUUID());
        admin = TestTokens.admin(UUID.randomUUID());
    }

    /** A JSON Merge Patch, the way the creator portal sends one. */
    protected TestHttp.Response patch(String path, String body, String token, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/merge-patch+json";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("PATCH", path, body, token, all);
    }

    /** A film body with everything publishing needs. */
    protected static String filmJson(String title, String synopsis, String... genres) {
        return """
                {"title": %s, "synopsis": %s, "runtimeMinutes": 94, "releaseYear": 2024,
                 "countries": ["PG"], "languages": ["en", "tpi"], "maturityRating": "PG",
                 "genres": %s,
                 "credits": {"directors": [{"name": "Kiri Tau"}], "cast": [{"name": "Mala Bune", "character": "Aunty Rose"}],
                             "producers": [{"name": "Gima Koi"}]}}"""
                .formatted(JSON.writeValueAsString(title), JSON.writeValueAsString(synopsis),
                        JSON.writeValueAsString(genres.length == 0 ? List.of("drama") : List.of(genres)));
    }

    protected JsonNode createFilm(String token, String body) {
        var response = post("/api/films", body, token);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    protected JsonNode publishedFilm(String title, String synopsis, String... genres) {
        JsonNode film = createFilm(creator, filmJson(title, synopsis, genres));
        var published = post("/api/films/" + film.get("id").asString() + "/publish", null, creator);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return published.json();
    }

    /** The data of outbox events of this type about this film, oldest first. */
    protected List<JsonNode> eventsAbout(String type, String filmId) {
        return outboxEvents(type, "filmId", filmId);
    }
}
