package com.thewans.catalog.genre;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.catalog.CatalogTestSupport;

class GenreTest extends CatalogTestSupport {

    private List<String> slugs() {
        List<String> slugs = new ArrayList<>();
        get("/api/genres", null).json().forEach(g -> slugs.add(g.get("slug").asString()));
        return slugs;
    }

    @Test
    void anyoneListsTheSeededGenres() {
        assertThat(slugs()).contains("drama", "documentary", "comedy", "action", "thriller", "romance", "animation",
                "horror", "family", "music", "short", "pacific-stories");
        assertThat(get("/api/genres/pacific-stories", null).json().get("name").asString())
                .isEqualTo("Pacific Stories");
    }

    @Test
    void adminsManageGenresAndOthersMayNot() {
        String slug = "g" + UUID.randomUUID().toString().substring(0, 8);
        assertProblem(post("/api/genres", "{\"slug\": \"%s\", \"name\": \"Sci-fi\"}".formatted(slug), creator), 403,
                "forbidden");
        var created = post("/api/genres", "{\"slug\": \"%s\", \"name\": \"Sci-fi\"}".formatted(slug), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertProblem(post("/api/genres", "{\"slug\": \"%s\", \"name\": \"Again\"}".formatted(slug), admin), 409,
                "genre-exists");
        assertProblem(post("/api/genres", "{\"slug\": \"Not A Slug\", \"name\": \"x\"}", admin), 400,
                "validation-failed");

        var renamed = send("PATCH", "/api/genres/" + slug, "{\"name\": \"Science Fiction\"}", admin,
                "Content-Type", "application/json");
        assertThat(renamed.json().get("name").asString()).isEqualTo("Science Fiction");
        assertThat(renamed.json().get("slug").asString()).isEqualTo(slug);

        assertThat(send("DELETE", "/api/genres/" + slug, null, admin).status()).isEqualTo(204);
        assertThat(slugs()).doesNotContain(slug);
        assertProblem(get("/api/genres/" + slug, null), 404, "genre-not-found");
    }

    @Test
    void aGenreInUseCannotBeDeletedAndARenameShowsOnCachedFilms() {
        String slug = "g" + UUID.randomUUID().toString().substring(0, 8);
        post("/api/genres", "{\"slug\": \"%s\", \"name\": \"Before\"}".formatted(slug), admin);
        String filmId = publishedFilm("Genre Film", "x", slug).get("id").asString();
        get("/api/films/" + filmId, null);
        // served from the cache from now on: a title changed behind the service's back stays unseen
        jdbc.update("update film set title = 'Unseen' where id = ?::uuid", filmId);
        assertThat(get("/api/films/" + filmId, null).json().get("title").asString()).isEqualTo("Genre Film");

        assertProblem(send("DELETE", "/api/genres/" + slug, null, admin), 409, "genre-in-use");
        send("PATCH", "/api/genres/" + slug, "{\"name\": \"After\"}", admin, "Content-Type", "application/json");

        assertThat(get("/api/films/" + filmId, null).json().get("genres").get(0).get("name").asString())
                .isEqualTo("After");
    }
}
