package com.thewans.transcoding.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;
import com.thewans.transcoding.TranscodingTestSupport;

import tools.jackson.databind.JsonNode;

/** Starting and reading jobs: who may, what is refused, and how. */
class JobApiTest extends TranscodingTestSupport {

    @Test
    void onlyTheFilmsCreatorOrAnAdminMayStartAJob() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID filmId = catalog.film(owner);
        String key = textMaster(filmId);

        TestHttp.Response stranger = start(creatorToken(UUID.randomUUID()), filmId, key, null);
        TestHttp.Response viewer = start(TestTokens.viewer(owner), filmId, key, null);
        TestHttp.Response unknownFilm = start(creatorToken(owner), UUID.randomUUID(), key, null);
        TestHttp.Response anonymous = http().send("POST", "/api/transcode/start", "{}", "Content-Type",
                "application/json");

        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.json().get("code").asString()).isEqualTo("not-film-owner");
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(unknownFilm.status()).isEqualTo(404);
        assertThat(unknownFilm.json().get("code").asString()).isEqualTo("film-not-found");
        assertThat(anonymous.status()).isEqualTo(401);
        TestHttp.Response admin = start(adminToken(), filmId, key, null);
        assertThat(admin.status()).as(admin.body()).isEqualTo(202);
        assertThat(admin.json().get("creatorId").asString()).as("an admin's job still belongs to the film's creator")
                .isEqualTo(owner.toString());
    }

    @Test
    void badRequestsAreProblemsNamingTheField() {
        UUID owner = UUID.randomUUID();
        UUID filmId = catalog.film(owner);
        String token = creatorToken(owner);

        TestHttp.Response unknownRung = start(token, filmId, "films/" + filmId + "/m.mp4", List.of("4320p"));
        TestHttp.Response noFilm = post("/api/transcode/start", json(Map.of("sourceKey", "x")), token);
        TestHttp.Response notJson = http().send("POST", "/api/transcode/start", "{nope", "Authorization",
                TestHttp.bearer(token), "Content-Type", "application/json");
        TestHttp.Response badStatus = get("/api/transcode/jobs?status=DANCING", token);
        TestHttp.Response hugePage = get("/api/transcode/jobs?size=1000", token);
        TestHttp.Response badId = get("/api/transcode/status/not-a-uuid", token);
        TestHttp.Response longKey = start(token, filmId, "films/" + filmId + "/" + "k".repeat(1100), null);

        assertThat(unknownRung.status()).isEqualTo(400);
        assertThat(unknownRung.json().get("code").asString()).isEqualTo("validation-failed");
        assertThat(unknownRung.body()).contains("renditions");
        assertThat(noFilm.status()).isEqualTo(400);
        assertThat(noFilm.body()).contains("filmId");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(hugePage.status()).isEqualTo(400);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(longKey.status()).isEqualTo(400);
    }

    @Test
    void aCreatorNamesOnlyMastersOfTheFilmThatExist() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID filmId = catalog.film(owner);
        UUID otherFilm = catalog.film(UUID.randomUUID());
        String othersMaster = textMaster(otherFilm);

        TestHttp.Response foreign = start(creatorToken(owner), filmId, othersMaster, null);
        TestHttp.Response missing = start(creatorToken(owner), filmId, "films/" + filmId + "/masters/none.mp4", null);

        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().get("code").asString()).isEqualTo("master-not-of-film");
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("code").asString()).isEqualTo("master-not-found");
    }

    @Test
    void concurrentStartsForOneFilmQueueExactlyOneJob() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID filmId = catalog.film(owner);
        String key = storeMaster(filmId, master(320, 240, 2));
        String token = creatorToken(owner);
        int callers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<TestHttp.Response>> answers = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return start(token, filmId, key, null);
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        UUID accepted = null;
        for (Future<TestHttp.Response> answer : answers) {
            TestHttp.Response response = answer.get();
            statuses.add(response.status());
            if (response.status() == 202) {
                accepted = UUID.fromString(response.json().get("id").asString());
            } else {
                assertThat(response.json().get("code").asString()).isEqualTo("film-already-transcoding");
            }
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 202).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(callers - 1);
        assertThat(jdbc.queryForObject("select count(*) from transcoding_jobs where film_id = ?", Integer.class, filmId))
                .isEqualTo(1);
        awaitStatus(accepted, token, "COMPLETED", Duration.ofSeconds(60));
        assertThat(start(token, filmId, key, List.of("240p")).status()).as("once finished, the film may go again")
                .isEqualTo(202);
    }

    @Test
    void creatorsSeeTheirOwnJobsAndOnlyAdminsReadFfmpegsOutput() throws Exception {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID aliceFilm = catalog.film(alice);
        UUID bobFilm = catalog.film(bob);
        UUID aliceJob = id(start(creatorToken(alice), aliceFilm, textMaster(aliceFilm), null));
        UUID bobJob = id(start(creatorToken(bob), bobFilm, textMaster(bobFilm), null));
        awaitStatus(aliceJob, creatorToken(alice), "FAILED", Duration.ofSeconds(60));
        jdbc.update("update transcoding_jobs set failure_log = 'ffmpeg said: moov atom not found' where id = ?",
                aliceJob);

        JsonNode aliceList = get("/api/transcode/jobs", creatorToken(alice)).json();
        TestHttp.Response bobReadsAlice = get("/api/transcode/status/" + aliceJob, creatorToken(bob));
        TestHttp.Response bobCancelsAlice = post("/api/transcode/jobs/" + aliceJob + "/cancel", null, creatorToken(bob));
        JsonNode adminView = get("/api/transcode/status/" + aliceJob, adminToken()).json();
        JsonNode adminList = get("/api/transcode/jobs?filmId=" + bobFilm, adminToken()).json();

        assertThat(aliceList.get("items").findValuesAsString("id")).containsExactly(aliceJob.toString());
        assertThat(aliceList.get("totalItems").asLong()).isEqualTo(1);
        assertThat(aliceList.get("items").get(0).get("failureLog").isNull()).isTrue();
        assertThat(bobReadsAlice.status()).isEqualTo(404);
        assertThat(bobCancelsAlice.status()).isEqualTo(404);
        assertThat(adminView.get("failureLog").asString()).contains("moov atom not found");
        assertThat(adminList.get("items").findValuesAsString("id")).containsExactly(bobJob.toString());
    }

    private String textMaster(UUID filmId) {
        String key = "films/" + filmId + "/masters/" + UUID.randomUUID() + "/readme.mp4";
        storage.put(storage.buckets().masters(), key, "not a film".getBytes(StandardCharsets.UTF_8), "video/mp4");
        return key;
    }

    private static UUID id(TestHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return UUID.fromString(response.json().get("id").asString());
    }
}
