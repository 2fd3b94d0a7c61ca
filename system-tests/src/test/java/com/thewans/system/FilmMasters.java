package com.thewans.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * What a creator's studio does to get a film transcoded: generate a short master, upload it straight
 * to storage through the presigned multipart URLs, complete the upload, and wait for the job.
 */
final class FilmMasters {

    private FilmMasters() {
    }

    /** Uploads a 360p master of the film, this many seconds long, and answers the finished job (COMPLETED, or why not). */
    static JsonNode uploadAndTranscode(Visitor studio, Visitor.Session creator, String filmId, int seconds, Path work)
            throws Exception {
        Path master = generateMaster(work.resolve("master-" + filmId + ".mp4"), seconds);
        byte[] bytes = Files.readAllBytes(master);
        var upload = studio.send("POST", "/api/transcode/uploads", Map.of("filmId", filmId, "fileName", "kundu.mp4",
                "contentType", "video/mp4", "sizeBytes", bytes.length), creator);
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);

        long partSize = upload.json().get("partSize").asLong();
        HttpClient storage = HttpClient.newHttpClient();
        List<Map<String, Object>> etags = new ArrayList<>();
        for (var part : upload.json().get("parts")) {
            int number = part.get("partNumber").asInt();
            int from = (int) ((number - 1) * partSize);
            int to = (int) Math.min(bytes.length, from + partSize);
            HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(part.get("url").asString()))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes, from, to - from));
            part.get("headers").properties().forEach(h -> {
                if (!h.getKey().equalsIgnoreCase("host") && !h.getKey().equalsIgnoreCase("content-length")) {
                    put.header(h.getKey(), h.getValue().asString());
                }
            });
            HttpResponse<String> answer = storage.send(put.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            etags.add(Map.of("partNumber", number, "etag", answer.headers().firstValue("ETag").orElseThrow()));
        }
        String uploadId = upload.json().get("uploadId").asString();
        var started = studio.send("POST", "/api/transcode/uploads/" + uploadId + "/complete",
                Map.of("parts", etags), creator);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String jobId = started.json().get("id").asString();

        return await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500))
                .until(() -> studio.get("/api/transcode/status/" + jobId, creator),
                        r -> r.status() != 200 || List.of("COMPLETED", "FAILED", "CANCELLED")
                                .contains(r.json().get("status").asString())).json();
    }

    /** Test pattern and tone at 360p, made with the FFmpeg the stack's transcoder extracted. */
    static Path generateMaster(Path out, int seconds) throws Exception {
        Path ffmpegDir;
        try (var builds = Files.list(RunningPlatform.FFMPEG_CACHE)) {
            ffmpegDir = builds.filter(d -> Files.isExecutable(d.resolve("ffmpeg"))).findFirst().orElseThrow(
                    () -> new AssertionError("transcoding-service has not extracted FFmpeg to "
                            + RunningPlatform.FFMPEG_CACHE));
        }
        ProcessBuilder builder = new ProcessBuilder(ffmpegDir.resolve("ffmpeg").toString(), "-hide_banner", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=" + seconds,
                "-f", "lavfi", "-i", "sine=frequency=440:duration=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                out.toString()).redirectErrorStream(true);
        builder.environment().put("LD_LIBRARY_PATH", ffmpegDir.toString());
        Process process = builder.start();
        String log = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        return out;
    }
}
