package com.thewans.transcoding.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.testkit.TestHttp;
import com.thewans.transcoding.TranscodingTestSupport;
import com.thewans.transcoding.job.JobStore;
import com.thewans.transcoding.job.TranscodeEvents;

import tools.jackson.databind.JsonNode;

/** External workers report through a signed, replay-protected, idempotent webhook. */
class WebhookTest extends TranscodingTestSupport {

    private static final String SECRET = "test-only-fleet-secret";

    @Autowired
    JobStore jobs;

    @Test
    void anExternalWorkerReportsProgressAndCompletionOnce() {
        UUID creator = UUID.randomUUID();
        UUID filmId = catalog.film(creator);
        UUID jobId = externalJob(filmId, creator);
        String prefix = "films/" + filmId + "/jobs/" + jobId + "/";

        TestHttp.Response progress = send("fleet-1", SECRET, now(), Map.of("deliveryId", "d-1", "jobId", jobId,
                "event", "PROGRESS", "status", "TRANSCODING", "progress", 40));
        assertThat(progress.status()).as(progress.body()).isEqualTo(200);
        assertThat(get("/api/transcode/status/" + jobId, creatorToken(creator)).json().get("progress").asInt())
                .isEqualTo(40);

        Map<String, Object> done = Map.of("deliveryId", "d-2", "jobId", jobId, "event", "COMPLETED",
                "durationSeconds", 5400.0, "outputs", Map.of("hlsMasterKey", prefix + "hls/master.m3u8",
                        "dashManifestKey", prefix + "dash/manifest.mpd", "renditions", List.of()));
        TestHttp.Response completed = send("fleet-1", SECRET, now(), done);
        TestHttp.Response resent = send("fleet-1", SECRET, now() + 1, done);

        assertThat(completed.status()).as(completed.body()).isEqualTo(200);
        assertThat(completed.json().get("status").asString()).isEqualTo("COMPLETED");
        assertThat(resent.status()).as("a retried delivery is acknowledged, not applied again").isEqualTo(200);
        assertThat(resent.json().get("duplicate").asBoolean()).isTrue();
        assertThat(eventsFor(TranscodeEvents.COMPLETED, jobId)).isEqualTo(1);
        JsonNode event = outboxEvents(TranscodeEvents.COMPLETED, "jobId", jobId).get(0);
        assertThat(event.propertyNames()).as("what the worker sent, plus who it was").containsExactlyInAnyOrder(
                "jobId", "filmId", "creatorId", "hlsMasterKey", "dashManifestKey", "renditions", "durationSeconds",
                "worker");
        assertThat(event.get("worker").asString()).isEqualTo("fleet-1");
        assertThat(event.get("durationSeconds").asDouble()).isEqualTo(5400.0);
        assertThat(get("/api/transcode/status/" + jobId, creatorToken(creator)).json().get("workerId").asString())
                .isEqualTo("fleet-1");
    }

    @Test
    void forgedStaleAndReplayedRequestsAreRefused() {
        UUID creator = UUID.randomUUID();
        UUID jobId = externalJob(catalog.film(creator), creator);
        Map<String, Object> report = Map.of("deliveryId", "p-1", "jobId", jobId, "event", "PROGRESS", "progress", 5);
        String body = JSON.writeValueAsString(report);
        long ts = now();

        TestHttp.Response wrongSecret = send("fleet-1", "guessed-secret", ts, report);
        TestHttp.Response unknownWorker = send("fleet-9", SECRET, ts, report);
        TestHttp.Response stale = send("fleet-1", SECRET, ts - 600, report);
        TestHttp.Response unsigned = http().send("POST", "/api/transcode/webhook", body, "Content-Type",
                "application/json");
        TestHttp.Response tampered = http().send("POST", "/api/transcode/webhook", body.replace("5", "95"),
                "Content-Type", "application/json", "X-Wans-Worker", "fleet-1", "X-Wans-Timestamp", String.valueOf(ts),
                "X-Wans-Signature", WebhookSignature.sign(SECRET, String.valueOf(ts), body));
        TestHttp.Response first = send("fleet-1", SECRET, ts, report);
        TestHttp.Response replayed = send("fleet-1", SECRET, ts, report);

        assertThat(List.of(wrongSecret.status(), unknownWorker.status(), stale.status(), unsigned.status(),
                tampered.status())).containsOnly(401);
        assertThat(wrongSecret.json().get("code").asString()).isEqualTo("invalid-webhook-signature");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(replayed.status()).isEqualTo(409);
        assertThat(replayed.json().get("code").asString()).isEqualTo("webhook-replayed");
    }

    @Test
    void aWorkerCannotReportOnAnotherWorkersJobOrWithABadShape() {
        UUID creator = UUID.randomUUID();
        UUID filmId = catalog.film(creator);
        UUID jobId = externalJob(filmId, creator);
        assertThat(send("fleet-1", SECRET, now(), Map.of("deliveryId", "a-1", "jobId", jobId, "event", "PROGRESS",
                "progress", 10)).status()).isEqualTo(200);

        TestHttp.Response intruder = send("fleet-2", "test-only-other-secret", now(), Map.of("deliveryId", "x-1",
                "jobId", jobId, "event", "FAILED", "reason", "sabotage"));
        TestHttp.Response unknownEvent = send("fleet-1", SECRET, now(), Map.of("deliveryId", "a-2", "jobId", jobId,
                "event", "EXPLODED"));
        TestHttp.Response outsideOutputs = send("fleet-1", SECRET, now(), Map.of("deliveryId", "a-3", "jobId", jobId,
                "event", "COMPLETED", "outputs", Map.of("hlsMasterKey", "films/other/hls/master.m3u8",
                        "dashManifestKey", "x")));
        TestHttp.Response failed = send("fleet-1", SECRET, now(), Map.of("deliveryId", "a-4", "jobId", jobId,
                "event", "FAILED", "reason", "GPU out of memory"));

        assertThat(intruder.status()).isEqualTo(409);
        assertThat(unknownEvent.status()).isEqualTo(400);
        assertThat(outsideOutputs.status()).isEqualTo(400);
        assertThat(outsideOutputs.body()).contains("outputs.hlsMasterKey");
        assertProblem(outsideOutputs, 400, "validation-failed");
        assertThat(outsideOutputs.json().get("errors").findValuesAsString("field")).contains("outputs.hlsMasterKey");
        assertThat(failed.status()).isEqualTo(200);
        assertThat(jobs.find(jobId).orElseThrow().failureReason()).isEqualTo("GPU out of memory");
        assertThat(eventsFor(TranscodeEvents.FAILED, jobId)).isEqualTo(1);
    }

    /** A queued job no internal worker has been told about: the external fleet takes it. */
    private UUID externalJob(UUID filmId, UUID creator) {
        UUID jobId = UUID.randomUUID();
        jobs.queue(jobId, filmId, creator, "wans-masters", "films/" + filmId + "/masters/x/m.mov", List.of(), 3);
        return jobId;
    }

    private TestHttp.Response send(String worker, String secret, long timestamp, Map<String, Object> report) {
        String body = JSON.writeValueAsString(report);
        return http().send("POST", "/api/transcode/webhook", body, "Content-Type", "application/json",
                "X-Wans-Worker", worker, "X-Wans-Timestamp", String.valueOf(timestamp), "X-Wans-Signature",
                WebhookSignature.sign(secret, String.valueOf(timestamp), body));
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }
}
