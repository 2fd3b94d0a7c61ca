package com.thewans.transcoding.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.testkit.TestHttp;
import com.thewans.transcoding.TranscodingTestSupport;
import com.thewans.transcoding.job.JobStore;

import tools.jackson.databind.JsonNode;

/** Master uploads: sized parts, validated requests, only the owner completes, nothing lost to a busy film. */
class MasterUploadTest extends TranscodingTestSupport {

    @Autowired
    JobStore jobs;

    @Test
    void aLargeMasterIsSplitIntoPartsWithUrlsHandedOutInBatches() {
        UUID owner = UUID.randomUUID();
        UUID filmId = catalog.film(owner);
        long size = 50L * 1024 * 1024 * 1024; // 50 GiB

        TestHttp.Response upload = post("/api/transcode/uploads", json(Map.of("filmId", filmId,
                "fileName", "feature.mov", "contentType", "video/quicktime", "sizeBytes", size)), creatorToken(owner));

        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        JsonNode body = upload.json();
        assertThat(body.get("partSize").asLong()).isEqualTo(16L * 1024 * 1024);
        assertThat(body.get("partCount").asInt()).isEqualTo(3200);
        assertThat(body.get("parts").size()).isEqualTo(100);
        assertThat(body.get("key").asString()).startsWith("films/" + filmId + "/masters/").endsWith("/feature.mov");
        TestHttp.Response more = post("/api/transcode/uploads/" + body.get("uploadId").asString() + "/parts",
                json(Map.of("partNumbers", List.of(3199, 3200))), creatorToken(owner));
        assertThat(more.status()).as(more.body()).isEqualTo(200);
        assertThat(more.json().get("parts").findValuesAsString("url")).hasSize(2)
                .allSatisfy(url -> assertThat(url).contains("partNumber=").contains("uploadId="));
        TestHttp.Response beyond = post("/api/transcode/uploads/" + body.get("uploadId").asString() + "/parts",
                json(Map.of("partNumbers", List.of(3201))), creatorToken(owner));
        assertThat(beyond.status()).isEqualTo(400);
        assertProblem(beyond, 400, "validation-failed");
        assertThat(beyond.json().get("errors").findValuesAsString("field")).containsExactly("partNumbers");
        assertThat(beyond.json().get("partNumber").asInt()).isEqualTo(3201);
    }

    @Test
    void badUploadRequestsAreRefusedAndOnlyTheOwnerMayTouchAnUpload() {
        UUID owner = UUID.randomUUID();
        UUID filmId = catalog.film(owner);
        String token = creatorToken(owner);

        assertThat(post("/api/transcode/uploads", json(Map.of("filmId", filmId, "fileName", "../../etc/passwd",
                "contentType", "video/mp4", "sizeBytes", 10)), token).status()).isEqualTo(400);
        assertThat(post("/api/transcode/uploads", json(Map.of("filmId", filmId, "fileName", "a.mp4",
                "contentType", "text/html", "sizeBytes", 10)), token).status()).isEqualTo(400);
        assertThat(post("/api/transcode/uploads", json(Map.of("filmId", filmId, "fileName", "a.mp4",
                "contentType", "video/mp4", "sizeBytes", -1)), token).status()).isEqualTo(400);
        TestHttp.Response tooLarge = post("/api/transcode/uploads", json(Map.of("filmId", filmId, "fileName",
                "a.mp4", "contentType", "video/mp4", "sizeBytes", 600L * 1024 * 1024 * 1024)), token);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("code").asString()).isEqualTo("master-too-large");

        String uploadId = post("/api/transcode/uploads", json(Map.of("filmId", filmId, "fileName", "a.mp4",
                "contentType", "video/mp4", "sizeBytes", 10)), token).json().get("uploadId").asString();
        TestHttp.Response stranger = post("/api/transcode/uploads/" + uploadId + "/complete",
                json(Map.of("parts", List.of(Map.of("partNumber", 1, "etag", "x")))),
                creatorToken(UUID.randomUUID()));
        assertThat(stranger.status()).isEqualTo(404);
        TestHttp.Response aborted = http().send("DELETE", "/api/transcode/uploads/" + uploadId, null,
                "Authorization", TestHttp.bearer(token));
        assertThat(aborted.status()).isEqualTo(204);
        TestHttp.Response afterAbort = post("/api/transcode/uploads/" + uploadId + "/complete",
                json(Map.of("parts", List.of(Map.of("partNumber", 1, "etag", "x")))), token);
        assertThat(afterAbort.status()).isEqualTo(409);
        assertThat(afterAbort.json().get("code").asString()).isEqualTo("upload-not-open");
    }

    @Test
    void completingWhileTheFilmIsBusyLeavesTheUploadIntactForLater() throws Exception {
        UUID owner = UUID.randomUUID();
        String token = creatorToken(owner);
        UUID filmId = catalog.film(owner);
        byte[] master = java.nio.file.Files.readAllBytes(master(320, 240, 2));
        JsonNode upload = post("/api/transcode/uploads", json(Map.of("filmId", filmId, "fileName", "m.mp4",
                "contentType", "video/mp4", "sizeBytes", master.length)), token).json();
        JsonNode part = upload.get("parts").get(0);
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(part.get("url").asString()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(master));
        part.get("headers").properties().forEach(h -> put.header(h.getKey(), h.getValue().asString()));
        String etag = HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString()).headers()
                .firstValue("ETag").orElseThrow();
        Map<String, Object> parts = Map.of("parts", List.of(Map.of("partNumber", 1, "etag", etag)));
        // a job of the film that is still running
        UUID busy = UUID.randomUUID();
        jobs.queue(busy, filmId, owner, "wans-masters", "films/" + filmId + "/masters/gone.mp4", List.of(), 1);
        String path = "/api/transcode/uploads/" + upload.get("uploadId").asString() + "/complete";

        TestHttp.Response refused = post(path, json(parts), token);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("film-already-transcoding");
        assertThat(refused.json().get("activeJobId").asString()).isEqualTo(busy.toString());
        jobs.cancel(busy);

        TestHttp.Response accepted = post(path, json(parts), token);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        awaitStatus(UUID.fromString(accepted.json().get("id").asString()), token, "COMPLETED", Duration.ofSeconds(60));
    }
}
