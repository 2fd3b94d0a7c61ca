package com.thewans.catalog.asset;

import static com.thewans.testkit.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;
import com.thewans.testkit.WansServiceTest;

/** With storage unreachable, catalog still starts and serves films; only artwork checks answer 503. */
@WansServiceTest(properties = {"wans.storage.endpoint=http://127.0.0.1:9", "wans.storage.connect-timeout=300ms",
    "wans.storage.timeout=1s"})
class StorageOutageTest {

    @LocalServerPort
    int port;

    @Test
    void confirmingArtworkWhileStorageIsDownIsA503AndTheFilmIsStillServed() {
        var http = TestHttp.localhost(port);
        String creator = bearer(TestTokens.creator(UUID.randomUUID()));
        var film = http.send("POST", "/api/films", """
                {"title": "Offline Poster", "maturityRating": "G", "genres": ["short"]}""",
                "Authorization", creator, "Content-Type", "application/json");
        assertThat(film.status()).as(film.body()).isEqualTo(201);
        String id = film.json().get("id").asString();
        var ticket = http.send("POST", "/api/films/" + id + "/assets/uploads",
                "{\"kind\": \"POSTER\", \"contentType\": \"image/png\"}", "Authorization", creator,
                "Content-Type", "application/json");
        assertThat(ticket.status()).as("signing needs no connection").isEqualTo(201);

        var confirm = http.send("POST", "/api/films/" + id + "/assets",
                "{\"kind\": \"POSTER\", \"key\": \"%s\"}".formatted(ticket.json().get("key").asString()),
                "Authorization", creator, "Content-Type", "application/json");

        assertThat(confirm.status()).as(confirm.body()).isEqualTo(503);
        assertThat(confirm.json().get("code").asString()).isEqualTo("dependency-unavailable");
        assertThat(confirm.json().get("dependency").asString()).isEqualTo("object-storage");
        assertThat(http.get("/api/films/" + id, "Authorization", creator).status()).isEqualTo(200);
        assertThat(http.get("/readyz").status()).isEqualTo(200);
    }
}
