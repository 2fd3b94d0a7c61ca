package com.thewans.transcoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.common.security.Role;
import com.thewans.common.storage.ObjectStorage;
import com.thewans.testkit.ServiceTestSupport;
import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;
import com.thewans.media.FfmpegBinaries;

import tools.jackson.databind.JsonNode;

/**
 * What the transcoding tests add to the service test kit: the catalog stub, storage, tokens by
 * role, test masters made with FFmpeg, and waiting for a job's state.
 */
@TranscodingServiceTest
public abstract class TranscodingTestSupport extends ServiceTestSupport {

    protected static final CatalogStub catalog = CatalogStub.get();

    @Autowired
    protected ObjectStorage storage;
    @Autowired
    protected FfmpegBinaries ffmpeg;
    @TempDir
    protected Path temp;

    protected static String creatorToken(UUID userId) {
        return TestTokens.creator(userId);
    }

    protected static String adminToken() {
        return TestTokens.admin(UUID.randomUUID());
    }

    protected static String serviceToken() {
        return TestTokens.forUser(UUID.randomUUID(), Role.SERVICE);
    }

    /** A request body as JSON, for {@code post(path, json(body), token)}. */
    protected static String json(Object body) {
        return JSON.writeValueAsString(body);
    }

    /** A master made the way the issue asks: test pattern and tone, a few seconds. */
    protected Path master(int width, int height, int seconds) throws IOException, InterruptedException {
        Path file = temp.resolve("master-" + width + "x" + height + "-" + UUID.randomUUID() + ".mp4");
        runFfmpeg(List.of("-f", "lavfi", "-i", "testsrc2=size=" + width + "x" + height + ":rate=25:duration="
                + seconds, "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds,
                "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                file.toString()));
        return file;
    }

    /** A longer master at no encoding cost: a short one repeated by stream copy. */
    protected Path looped(Path master, int times) throws IOException, InterruptedException {
        Path file = temp.resolve("looped-" + UUID.randomUUID() + ".mp4");
        runFfmpeg(List.of("-stream_loop", String.valueOf(times - 1), "-i", master.toString(), "-c", "copy",
                file.toString()));
        return file;
    }

    protected String runFfmpeg(List<String> args) throws IOException, InterruptedException {
        return run(ffmpeg.ffmpeg(), concat(List.of("-hide_banner", "-nostdin", "-y", "-loglevel", "error"), args));
    }

    protected String ffprobe(List<String> args) throws IOException, InterruptedException {
        return run(ffmpeg.ffprobe(), concat(List.of("-v", "error"), args));
    }

    private String run(Path exe, List<String> args) throws IOException, InterruptedException {
        Process process = ffmpeg.command(exe, args, false).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Puts a master where a creator's upload would have put it, and answers its key. */
    protected String storeMaster(UUID filmId, Path file) throws IOException {
        String key = "films/" + filmId + "/masters/" + UUID.randomUUID() + "/" + file.getFileName();
        storage.put(storage.buckets().masters(), key, Files.readAllBytes(file), "video/mp4");
        return key;
    }

    protected TestHttp.Response start(String token, UUID filmId, String sourceKey, List<String> renditions) {
        return post("/api/transcode/start", json(renditions == null ? Map.of("filmId", filmId, "sourceKey", sourceKey)
                : Map.of("filmId", filmId, "sourceKey", sourceKey, "renditions", renditions)), token);
    }

    protected JsonNode awaitStatus(UUID jobId, String token, String status, Duration within) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(within).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            TestHttp.Response response = get("/api/transcode/status/" + jobId, token);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            last[0] = response.json();
            assertThat(last[0].get("status").asString()).as(response.body()).isEqualTo(status);
        });
        return last[0];
    }

    protected int eventsFor(String type, UUID jobId) {
        return outboxEvents(type, "jobId", jobId).size();
    }

    protected byte[] media(String key) throws IOException {
        try (var in = storage.open(storage.buckets().media(), key).orElseThrow(() -> new AssertionError("no " + key))) {
            return in.readAllBytes();
        }
    }
}
