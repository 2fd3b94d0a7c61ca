package com.thewans.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real S3-compatible store for tests: Adobe's S3Mock executable jar run as a child process on
 * two free ports (it always binds http and https, so both are chosen), with the platform's buckets
 * created, killed when the test JVM exits. Maven fetches the jar (test-kit's pom copies it), so it
 * is found offline in the local repository.
 */
public record TestObjectStore(String endpoint, String accessKey, String secretKey, String region) {

    private static final Logger log = LoggerFactory.getLogger(TestObjectStore.class);
    public static final List<String> BUCKETS = List.of("wans-media", "wans-masters", "wans-assets");
    static final String S3MOCK_VERSION = "5.2.0";

    /** The properties that point a service's {@code ObjectStorage} at this store. */
    public Map<String, Object> properties() {
        return Map.of(
                "wans.storage.endpoint", endpoint,
                "wans.storage.public-endpoint", endpoint,
                "wans.storage.access-key", accessKey,
                "wans.storage.secret-key", secretKey,
                "wans.storage.region", region,
                "wans.storage.create-buckets", "false");
    }

    static TestObjectStore start() {
        String external = System.getenv("WANS_TEST_S3_ENDPOINT");
        if (external != null && !external.isBlank()) {
            return new TestObjectStore(external, System.getenv("S3_ACCESS_KEY"), System.getenv("S3_SECRET_KEY"),
                    System.getenv().getOrDefault("S3_REGION", "us-east-1"));
        }
        long started = System.nanoTime();
        try {
            Path jar = locateJar();
            int httpPort = TestInfrastructure.freePort();
            int httpsPort = TestInfrastructure.freePort();
            while (httpsPort == httpPort) {
                httpsPort = TestInfrastructure.freePort();
            }
            Path root = Files.createTempDirectory("wans-test-s3");
            Path logFile = Files.createTempFile("wans-test-s3", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms32m", "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-jar", jar.toString(),
                    // S3Mock binds http on http.port and https on server.port; both must be free and differ
                    "--http.port=" + httpPort,
                    "--server.port=" + httpsPort,
                    "--server.address=127.0.0.1",
                    "--com.adobe.testing.s3mock.store.root=" + root,
                    "--com.adobe.testing.s3mock.store.retain-files-on-exit=false",
                    "--com.adobe.testing.s3mock.store.initial-buckets=" + String.join(",", BUCKETS),
                    "--spring.main.banner-mode=off"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(logFile.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.destroy();
                try {
                    if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                }
            }, "test-s3-stop"));
            String endpoint = "http://127.0.0.1:" + httpPort;
            awaitReady(process, endpoint, logFile);
            log.info("Test S3 store (S3Mock {}) ready at {} in {} ms", S3MOCK_VERSION, endpoint,
                    (System.nanoTime() - started) / 1_000_000);
            // S3Mock accepts any credentials; these only give the client something to sign with
            return new TestObjectStore(endpoint, "test-only-access-key", "test-only-secret-key", "us-east-1");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test S3 store", e);
        }
    }

    private static Path locateJar() {
        String configured = System.getProperty("wans.test.s3mock-jar");
        if (configured != null) {
            return Path.of(configured);
        }
        String repository = System.getProperty("maven.repo.local",
                Paths.get(System.getProperty("user.home"), ".m2", "repository").toString());
        Path jar = Path.of(repository, "com", "adobe", "testing", "s3mock", S3MOCK_VERSION,
                "s3mock-" + S3MOCK_VERSION + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Mock is missing at " + jar
                    + "; build common once (./mvnw -pl common install) so Maven fetches it");
        }
        return jar;
    }

    private static void awaitReady(Process process, String endpoint, Path logFile) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited with " + process.exitValue() + ": " + tail(logFile));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(endpoint + "/"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() < 500) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200); // polling a child process's port, not timing a test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("S3Mock did not answer within 120 s: " + tail(logFile));
    }

    private static String tail(Path logFile) throws IOException {
        List<String> lines = Files.readAllLines(logFile);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
