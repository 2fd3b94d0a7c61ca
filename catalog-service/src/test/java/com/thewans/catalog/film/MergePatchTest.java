package com.thewans.catalog.film;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import com.thewans.catalog.CatalogTestSupport;
import com.thewans.testkit.TestHttp;

class MergePatchTest extends CatalogTestSupport {

    private String draft() {
        var film = createFilm(creator, """
                {"title": "Patch Me", "originalTitle": "Pasim Mi", "synopsis": "Before.", "runtimeMinutes": 80,
                 "releaseYear": 2020, "maturityRating": "PG", "genres": ["drama"], "languages": ["en"]}""");
        return film.get("id").asString();
    }

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndNullRemovesAField() {
        String id = draft();

        var patched = patch("/api/films/" + id, """
                {"synopsis": "After.", "originalTitle": null, "genres": ["drama", "pacific-stories"]}""", creator);

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        var film = patched.json();
        assertThat(film.get("synopsis").asString()).isEqualTo("After.");
        assertThat(film.get("originalTitle").isNull()).isTrue();
        assertThat(film.get("title").asString()).isEqualTo("Patch Me");
        assertThat(film.get("runtimeMinutes").asInt()).isEqualTo(80);
        assertThat(film.get("genres").toString()).contains("pacific-stories");
        assertThat(film.get("version").asLong()).isEqualTo(2);
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
        assertThat(eventsAbout("film.updated", id)).hasSize(1);
    }

    @Test
    void plainJsonIsAcceptedTooButOtherMediaTypesAreNot() {
        String id = draft();
        var json = send("PATCH", "/api/films/" + id, "{\"runtimeMinutes\": 81}", creator,
                "Content-Type", "application/json");
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        var text = send("PATCH", "/api/films/" + id, "{\"runtimeMinutes\": 82}", creator,
                "Content-Type", "text/plain");
        assertThat(text.status()).isEqualTo(415);
    }

    @Test
    void unknownFieldsAreRefusedByName() {
        String id = draft();

        var refused = patch("/api/films/" + id, "{\"title\": \"X\", \"director\": \"Someone\", \"price\": 5}", creator);

        assertProblem(refused, 400, "validation-failed");
        assertThat(refused.json().get("errors").toString()).contains("director").contains("price");
        assertThat(get("/api/films/" + id, creator).json().get("title").asString()).isEqualTo("Patch Me");
    }

    @Test
    void theMergedFilmIsValidatedAsAWhole() {
        String id = draft();

        assertProblem(patch("/api/films/" + id, "{\"title\": null}", creator), 400, "validation-failed");
        assertProblem(patch("/api/films/" + id, "{\"genres\": []}", creator), 400, "validation-failed");
        assertProblem(patch("/api/films/" + id, "{\"runtimeMinutes\": 0}", creator), 400, "validation-failed");
        assertProblem(patch("/api/films/" + id, "{\"credits\": {\"cast\": [{\"role\": \"x\"}]}}", creator), 400,
                "validation-failed");
        assertProblem(patch("/api/films/" + id, "[1, 2]", creator), 400, "validation-failed");
        assertProblem(patch("/api/films/" + id, "{not json", creator), 400, "validation-failed");
    }

    @Test
    void aStaleIfMatchIs412AndAStaleVersionIs409() {
        String id = draft();
        assertThat(patch("/api/films/" + id, "{\"synopsis\": \"one\"}", creator, "If-Match", "\"1\"").status())
                .isEqualTo(200);

        var staleHeader = patch("/api/films/" + id, "{\"synopsis\": \"two\"}", creator, "If-Match", "\"1\"");
        assertProblem(staleHeader, 412, "version-mismatch");
        assertThat(staleHeader.json().get("currentVersion").asLong()).isEqualTo(2);

        var staleBody = patch("/api/films/" + id, "{\"synopsis\": \"two\", \"version\": 1}", creator);
        assertProblem(staleBody, 409, "stale-update");

        var current = patch("/api/films/" + id, "{\"synopsis\": \"two\", \"version\": 2}", creator,
                "If-Match", "\"2\"");
        assertThat(current.status()).as(current.body()).isEqualTo(200);
        assertThat(get("/api/films/" + id, creator).json().get("synopsis").asString()).isEqualTo("two");
    }

    @Test
    void everyAnswerCarriesTheStoredVersionSoItsETagCanBeUsedAtOnce() {
        var created = post("/api/films", filmJson("Tagged", "x"), creator);
        assertThat(created.header("ETag")).isEqualTo(get("/api/films/" + created.json().get("id").asString(), creator)
                .header("ETag"));
        String id = created.json().get("id").asString();

        var patched = patch("/api/films/" + id, "{\"synopsis\": \"y\"}", creator, "If-Match", created.header("ETag"));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.header("ETag")).isEqualTo(get("/api/films/" + id, creator).header("ETag"));

        var published = post("/api/films/" + id + "/publish", null, creator);
        assertThat(published.header("ETag")).isEqualTo(get("/api/films/" + id, null).header("ETag"));
        assertThat(patch("/api/films/" + id, "{\"synopsis\": \"z\"}", creator, "If-Match", published.header("ETag"))
                .status()).isEqualTo(200);
    }

    @Test
    void ofTwoConcurrentPatchesOfTheSameVersionExactlyOneWins() throws Exception {
        String id = draft();
        int writers = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<TestHttp.Response>> attempts = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String synopsis = "writer " + i;
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return patch("/api/films/" + id, "{\"synopsis\": \"" + synopsis + "\", \"version\": 1}", creator);
            }));
        }
        start.countDown();
        List<TestHttp.Response> responses = attempts.stream().map(CompletableFuture::join).toList();

        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(writers - 1);
        String winner = responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().json()
                .get("synopsis").asString();
        var stored = get("/api/films/" + id, creator).json();
        assertThat(stored.get("synopsis").asString()).isEqualTo(winner);
        assertThat(stored.get("version").asLong()).isEqualTo(2);
    }
}
