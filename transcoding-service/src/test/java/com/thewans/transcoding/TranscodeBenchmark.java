package com.thewans.transcoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.thewans.common.storage.ObjectStorage;
import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestInfrastructure;
import com.thewans.testkit.TestObjectStore;
import com.thewans.testkit.TestTokens;
import com.thewans.testkit.WansServiceTest;
import com.thewans.media.FfmpegBinaries;
import com.thewans.media.FfmpegRun;
import com.thewans.media.MediaProbe;
import com.thewans.transcoding.ladder.EncodePlan;
import com.thewans.transcoding.ladder.Ladder;
import com.thewans.transcoding.ladder.Rung;

/**
 * bench/transcode.sh runs this (never part of the normal suite): a generated 1080p master through
 * the whole pipeline (API here, workers as separate processes from the built jar) against the same
 * encode run as one FFmpeg command, against five FFmpeg processes (one per rung), and two jobs with
 * one worker against two. Prints ratios; asserts nothing about time.
 */
@EnabledIfSystemProperty(named = "wans.bench", matches = "true")
@WansServiceTest(storage = true, properties = {
    "wans.clients.catalog.url=http://127.0.0.1:${wans.test.catalog-port}",
    "wans.transcode.mode=api",
    "wans.transcode.preset=veryfast"})
class TranscodeBenchmark {

    static {
        CatalogStub.get();
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectStorage storage;
    @Autowired
    JdbcTemplate jdbc;
    @TempDir
    Path temp;

    private final List<Process> workers = new ArrayList<>();
    private final StringBuilder report = new StringBuilder();

    @Test
    void pipelineAgainstRawFfmpeg() throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 60);
        String preset = System.getProperty("bench.preset", "veryfast");
        // raw FFmpeg against the pipeline always runs; -Dbench.parts= leaves out the rest for a quicker look
        String parts = System.getProperty("bench.parts", "separate,two");
        FfmpegBinaries ffmpeg = FfmpegBinaries.locate(System.getenv("FFMPEG_PATH"), System.getenv("FFPROBE_PATH"),
                Path.of(System.getProperty("java.io.tmpdir"), "wans-ffmpeg"), false);
        try {
            Path master = temp.resolve("master-1080p.mp4");
            line("Generating a %d s 1080p master (testsrc2 + sine; not timed)", seconds);
            new FfmpegRun(ffmpeg).run(List.of("-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25:duration=" + seconds,
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=" + seconds, "-c:v", "libx264",
                    "-preset", "veryfast", "-crf", "18", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                    master.toString()), s -> { });
            var info = new MediaProbe(ffmpeg).probe(master);
            List<Rung> rungs = Ladder.choose(info, List.of());
            EncodePlan plan = EncodePlan.of(info, rungs, preset);

            double separate = !parts.contains("separate") ? Double.NaN : time(() -> {
                for (int i = 0; i < rungs.size(); i++) {
                    Rung r = rungs.get(i);
                    new FfmpegRun(ffmpeg).run(List.of("-i", master.toString(), "-vf", "scale=-2:" + r.height(),
                            "-c:v", "libx264", "-preset", preset, "-profile:v", "high", "-g", String.valueOf(
                                    plan.gopFrames()), "-keyint_min", String.valueOf(plan.gopFrames()), "-sc_threshold",
                            "0", "-b:v", r.videoKbps() + "k", "-maxrate", r.maxrateKbps() + "k", "-bufsize",
                            r.bufsizeKbps() + "k", "-c:a", "aac", "-b:a", "128k", "-ac", "2",
                            temp.resolve("rung-" + r.name() + ".mp4").toString()), s -> { });
                }
            });
            if (!Double.isNaN(separate)) { // not asked for (--parts without separate)
                line("five processes, one per rung, one after another:        %7.1f s", separate);
            }

            startWorker(1, preset);
            // a worker runs for days in production: time it warm (JIT of the worker and of this JVM's API and
            // S3 store, storage clients), not on its first job; the warm-up goes through the same five rungs
            Path warmUp = temp.resolve("warm-up.mp4");
            new FfmpegRun(ffmpeg).run(List.of("-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=25:duration=12",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=12", "-c:v", "libx264",
                    "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", warmUp.toString()),
                    s -> { });
            awaitAll(List.of(startJob(upload(warmUp))));
            awaitAll(List.of(startJob(upload(warmUp))));
            String sourceKey = upload(master);
            // the pipeline's own FFmpeg command (encode, HLS, DASH with CENC, thumbnails) on a local file is the
            // floor: everything else the pipeline does (download, probe, AES-128, upload, bookkeeping) is overhead.
            // The two alternate, round after round, so a machine that gets slower or faster mid-run moves both.
            int rounds = Integer.getInteger("bench.rounds", 2);
            double[] raws = new double[rounds];
            double[] pipelines = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                Path rawHls = Files.createDirectories(temp.resolve("raw-hls-" + round));
                Path rawDash = Files.createDirectories(temp.resolve("raw-dash-" + round));
                Path rawTiles = Files.createDirectories(temp.resolve("raw-tiles-" + round));
                raws[round] = time(() -> new FfmpegRun(ffmpeg).run(plan.arguments(master, rawHls, rawDash,
                        temp.resolve("raw-poster.jpg"), rawTiles, "00".repeat(16), "11".repeat(16)), s -> { }));
                line("round %d raw: one FFmpeg command, %d rungs, HLS+DASH, thumbnails (%s): %7.1f s", round + 1,
                        rungs.size(), preset, raws[round]);
                pipelines[round] = time(() -> awaitAll(List.of(startJob(sourceKey))));
                line("round %d pipeline: start -> COMPLETED (download, probe, encode+upload, playlists):   %7.1f s",
                        round + 1, pipelines[round]);
                line("round %d pipeline / raw: %.3f", round + 1, pipelines[round] / raws[round]);
            }
            double raw = Arrays.stream(raws).sum() / rounds;
            double pipeline = Arrays.stream(pipelines).sum() / rounds;
            double twoOnOne = Double.NaN;
            double twoOnTwo = Double.NaN;
            if (parts.contains("two")) {
                twoOnOne = time(() -> awaitAll(List.of(startJob(sourceKey), startJob(sourceKey))));
                line("two jobs, one worker:                                   %7.1f s", twoOnOne);
                startWorker(2, preset);
                twoOnTwo = time(() -> awaitAll(List.of(startJob(sourceKey), startJob(sourceKey))));
                line("two jobs, two workers:                                  %7.1f s", twoOnTwo);
            }

            line("");
            line("pipeline / raw FFmpeg:          %.3f  (target <= 1.10)", pipeline / raw);
            if (!Double.isNaN(separate)) {
                line("five processes / one process:   %.3f  (> 1 means the one-process ladder is faster)",
                        separate / raw);
            }
            if (!Double.isNaN(twoOnOne)) {
                line("two jobs: one worker / two:     %.3f  (2 cores: expect little above 1; FFmpeg already uses both)",
                        twoOnOne / twoOnTwo);
            }
        } finally {
            for (Process worker : workers) {
                worker.destroy();
                if (!worker.waitFor(20, TimeUnit.SECONDS)) {
                    worker.destroyForcibly();
                }
            }
            Path out = Path.of(System.getProperty("bench.out", "target/bench-transcode.txt"));
            Files.writeString(out, report.toString());
        }
    }

    private void startWorker(int n, String preset) throws Exception {
        TestInfrastructure infra = TestInfrastructure.get();
        TestObjectStore s3 = infra.storage();
        int workerPort;
        try (var socket = new java.net.ServerSocket(0)) {
            workerPort = socket.getLocalPort();
        }
        Path jar = Path.of("target/transcoding-service.jar").toAbsolutePath();
        assertThat(jar).as("build the jar first (bench/transcode.sh does)").exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.toString());
        Map<String, String> env = builder.environment();
        env.put("PORT", String.valueOf(workerPort));
        env.put("WANS_MODE", "worker");
        env.put("TRANSCODE_WORKER_ID", "bench-worker-" + n);
        env.put("TRANSCODE_PRESET", preset);
        env.put("TRANSCODE_NICE", System.getProperty("bench.nice", "true"));
        env.put("DATABASE_URL", infra.jdbcUrl());
        env.put("DATABASE_USER", "transcoding");
        env.put("DATABASE_PASSWORD", TestInfrastructure.TEST_PASSWORD);
        env.put("REDIS_URL", infra.redisUrl());
        env.put("S3_ENDPOINT", s3.endpoint());
        env.put("S3_ACCESS_KEY", s3.accessKey());
        env.put("S3_SECRET_KEY", s3.secretKey());
        env.put("S3_REGION", s3.region());
        env.put("S3_CREATE_BUCKETS", "false");
        env.put("JWKS_URI", TestTokens.jwksFile().toUri().toString());
        Path log = Path.of("target/bench-worker-" + n + ".log");
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        workers.add(process);
        TestHttp worker = TestHttp.localhost(workerPort);
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .failFast("worker " + n + " died; see " + log, () -> !process.isAlive())
                .until(() -> {
                    try {
                        return worker.get("/readyz").status() == 200;
                    } catch (RuntimeException e) {
                        return false; // not listening yet
                    }
                });
        line("worker %d ready (pid %d)", n, process.pid());
    }

    private String upload(Path master) throws IOException {
        String key = "bench/" + UUID.randomUUID() + "/master.mp4";
        try (var in = Files.newInputStream(master)) {
            storage.put(storage.buckets().masters(), key, in, Files.size(master), "video/mp4");
        }
        return key;
    }

    private UUID startJob(String sourceKey) {
        UUID filmId = CatalogStub.get().film(UUID.randomUUID());
        TestHttp.Response response = TestHttp.localhost(port).send("POST", "/api/transcode/start",
                "{\"filmId\":\"" + filmId + "\",\"sourceKey\":\"" + sourceKey + "\"}", "Authorization",
                TestHttp.bearer(TestTokens.admin(UUID.randomUUID())), "Content-Type", "application/json");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return UUID.fromString(response.json().get("id").asString());
    }

    /**
     * Waits by reading the job rows (a few cheap queries a second) rather than through the status API,
     * so the measuring costs the machine as little as it can: what is timed is the pipeline.
     */
    private void awaitAll(List<UUID> jobs) {
        for (UUID job : jobs) {
            await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> jdbc.queryForObject("SELECT status FROM transcoding_jobs WHERE id = ?", String.class,
                            job), status -> {
                                assertThat(status).isNotIn("FAILED", "CANCELLED");
                                return "COMPLETED".equals(status);
                            });
        }
    }

    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    private static double time(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.append(text).append('\n');
        System.out.println(text);
    }
}
