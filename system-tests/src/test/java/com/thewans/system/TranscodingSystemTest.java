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

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.thewans.testkit.TestHttp;

/**
 * Issue 5's story through the gateway: a creator uploads a generated master straight to storage
 * through presigned multipart URLs, the job runs on the stack's worker, and the encrypted HLS
 * master playlist is in the media bucket.
 */
@Order(4)
@ExtendWith(RunningPlatform.class)
class TranscodingSystemTest {

    static TestHttp gateway;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
    }

    @Test
    void aCreatorsUploadedMasterBecomesAnEncryptedAdaptiveLadder(@TempDir Path work) throws Exception {
        Visitor studio = new Visitor(gateway);
        Visitor.Session creator = studio.newCreator();
        var film = studio.send("POST", "/api/films", Map.of("title", "Kundu Drums", "maturityRating", "G",
                "genres", List.of("music")), creator);
        assertThat(film.status()).as(film.body()).isEqualTo(201);
        String filmId = film.json().get("id").asString();

        Path master = generateMaster(work.resolve("kundu.mp4"));
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

        var done = await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500))
                .until(() -> studio.get("/api/transcode/status/" + jobId, creator),
                        r -> r.status() != 200 || List.of("COMPLETED", "FAILED", "CANCELLED")
                                .contains(r.json().get("status").asString()));
        assertThat(done.json().get("status").asString()).as(done.body()).isEqualTo("COMPLETED");
        assertThat(done.json().get("progress").asInt()).isEqualTo(100);
        var outputs = done.json().get("outputs");

        // another viewer does not see someone else's job
        Visitor stranger = new Visitor(gateway);
        assertThat(stranger.get("/api/transcode/status/" + jobId, stranger.newViewer()).status()).isEqualTo(403);

        String media = RunningPlatform.stack().s3Endpoint() + "/" + outputs.get("bucket").asString() + "/";
        HttpResponse<String> playlist = storage.send(HttpRequest.newBuilder(
                URI.create(media + outputs.get("hlsMasterKey").asString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(playlist.statusCode()).isEqualTo(200);
        assertThat(playlist.body()).startsWith("#EXTM3U").contains("RESOLUTION=640x360").contains("RESOLUTION=426x240")
                .contains("CODECS=");
        HttpResponse<String> manifest = storage.send(HttpRequest.newBuilder(
                URI.create(media + outputs.get("dashManifestKey").asString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(manifest.statusCode()).isEqualTo(200);
        assertThat(manifest.body()).contains("<MPD").contains("cenc");
    }

    /** Four seconds of test pattern and tone at 360p, made with the FFmpeg the stack's transcoder extracted. */
    private static Path generateMaster(Path out) throws Exception {
        Path ffmpegDir;
        try (var builds = Files.list(RunningPlatform.FFMPEG_CACHE)) {
            ffmpegDir = builds.filter(d -> Files.isExecutable(d.resolve("ffmpeg"))).findFirst().orElseThrow(
                    () -> new AssertionError("transcoding-service has not extracted FFmpeg to "
                            + RunningPlatform.FFMPEG_CACHE));
        }
        ProcessBuilder builder = new ProcessBuilder(ffmpegDir.resolve("ffmpeg").toString(), "-hide_banner", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=4",
                "-f", "lavfi", "-i", "sine=frequency=440:duration=4",
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
