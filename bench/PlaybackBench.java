import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets the stage for bench/playback.sh, through the gateway as the platform's users would (see
 * bench/README.md, "Playback"): a creator publishes a film and uploads a 10-second master, which the
 * stack transcodes; an admin opens a worldwide AVOD window (free with ads, so nobody has to pay); then
 * N viewers sign in and each starts a session on a device of their own. It writes, for LoadGen's
 * --per-connection:
 *
 * - {@code heartbeats.tsv}: one line per viewer, their access token and a heartbeat for their session;
 * - {@code start.tsv}: one more viewer and a start request (each start on the same device replaces the
 *   previous session, so the start can be measured back to back within the plan's stream limit);
 * - {@code film}: the film's id, for the cached {@code GET /api/films/{id}} baseline.
 *
 * Every client signs in from an X-Forwarded-For address of its own (the gateway trusts loopback), so the
 * per-address sign-in bucket does not slow the set-up; viewers are in PG by the CDN's CF-IPCountry header.
 */
public class PlaybackBench {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String PASSWORD = "Bench-only-password-42";
    static String gateway;
    static int clients;

    record Answer(int status, String body) {
        String field(String name) {
            Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no " + name + " in " + body);
            }
            return m.group(1);
        }

        Answer expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": HTTP " + status + " " + body);
            }
            return this;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: PlaybackBench <admin access token> <output folder>");
        }
        String admin = args[0];
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        gateway = env("GATEWAY_URL", "http://127.0.0.1:8080");
        int viewers = Integer.parseInt(env("BENCH_VIEWERS", "32"));
        String run = Long.toHexString(System.nanoTime());

        String creatorEmail = "bench-creator-" + run + "@bench.thewans.test";
        register(creatorEmail);
        String creatorId = login(creatorEmail).field("userId");
        send("PUT", "/api/auth/admin/users/" + creatorId + "/roles", "{\"roles\":[\"CREATOR\"]}", admin)
                .expect(200, "make the creator a CREATOR");
        String creator = login(creatorEmail).field("accessToken");

        String filmId = send("POST", "/api/films", """
                {"title":"Bench Reel %s","synopsis":"Ten seconds of test pattern for the playback bench.",
                 "runtimeMinutes":1,"releaseYear":2025,"maturityRating":"G","genres":["drama"]}""".formatted(run),
                creator).expect(201, "create the film").field("id");
        send("POST", "/api/films/" + filmId + "/publish", null, creator).expect(200, "publish the film");
        System.out.println("film " + filmId + ": uploading and transcoding a 10 s master ...");
        transcode(creator, filmId, out.resolve("master.mp4"));

        Instant now = Instant.now();
        send("POST", "/api/windows", """
                {"filmId":"%s","type":"AVOD","worldwide":true,"startsAt":"%s"}"""
                .formatted(filmId, now.minusSeconds(60)), admin).expect(201, "open the AVOD window");

        String startBody = "{\"filmId\":\"" + filmId + "\",\"deviceId\":\"bench-start\"}";
        String starter = login(register("bench-starter-" + run + "@bench.thewans.test")).field("accessToken");
        // playback learns of the transcode and rights of the window through events: wait until it lets the viewer in
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        Answer first;
        while ((first = send("POST", "/api/playback/start", startBody, starter, "CF-IPCountry", "PG")).status() != 201) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("playback never let the viewer in: " + first);
            }
            Thread.sleep(500);
        }
        Files.writeString(out.resolve("start.tsv"), "Bearer " + starter + "\t" + startBody + "\n");

        List<String> lines = new ArrayList<>();
        for (int i = 0; i < viewers; i++) {
            String token = login(register("bench-viewer-" + run + "-" + i + "@bench.thewans.test")).field("accessToken");
            String sessionId = send("POST", "/api/playback/start", "{\"filmId\":\"" + filmId
                    + "\",\"deviceId\":\"bench-" + i + "\"}", token, "CF-IPCountry", "PG")
                    .expect(201, "start viewer " + i).field("sessionId");
            lines.add("Bearer " + token + "\t{\"sessionId\":\"" + sessionId + "\",\"positionSeconds\":5,"
                    + "\"rendition\":\"360p\",\"buffering\":false}");
        }
        Files.write(out.resolve("heartbeats.tsv"), lines);
        Files.writeString(out.resolve("film"), filmId);
        System.out.println(viewers + " viewers playing film " + filmId);
    }

    /** A master made with the FFmpeg the stack's transcoder extracted, uploaded in parts and transcoded. */
    static void transcode(String creator, String filmId, Path master) throws Exception {
        Path ffmpegDir;
        Path cache = Path.of(env("FFMPEG_CACHE_DIR", System.getProperty("java.io.tmpdir") + "/wans-ffmpeg"));
        try (var builds = Files.list(cache)) {
            ffmpegDir = builds.filter(d -> Files.isExecutable(d.resolve("ffmpeg"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no FFmpeg extracted under " + cache));
        }
        ProcessBuilder ffmpeg = new ProcessBuilder(ffmpegDir.resolve("ffmpeg").toString(), "-hide_banner", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25:duration=10", "-f", "lavfi", "-i",
                "sine=frequency=440:duration=10", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-shortest", master.toString()).redirectErrorStream(true);
        ffmpeg.environment().put("LD_LIBRARY_PATH", ffmpegDir.toString());
        Process process = ffmpeg.start();
        String log = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg failed: " + log);
        }
        byte[] bytes = Files.readAllBytes(master);
        Answer upload = send("POST", "/api/transcode/uploads", """
                {"filmId":"%s","fileName":"bench.mp4","contentType":"video/mp4","sizeBytes":%d}"""
                .formatted(filmId, bytes.length), creator).expect(201, "start the upload");
        if (!upload.body().contains("\"partCount\":1")) {
            throw new IllegalStateException("a 10-second master should be one part: " + upload.body());
        }
        // the one part: its presigned URL and the headers to send with it
        String part = upload.body().substring(upload.body().indexOf("\"parts\""));
        String url = new Answer(0, part).field("url").replace("\\u0026", "&");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        Matcher headers = Pattern.compile("\"headers\"\\s*:\\s*\\{([^}]*)}").matcher(part);
        if (headers.find()) {
            Matcher pair = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"([^\"]*)\"").matcher(headers.group(1));
            while (pair.find()) {
                if (!pair.group(1).equalsIgnoreCase("host") && !pair.group(1).equalsIgnoreCase("content-length")) {
                    put.header(pair.group(1), pair.group(2));
                }
            }
        }
        HttpResponse<String> stored = HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());
        if (stored.statusCode() != 200) {
            throw new IllegalStateException("storage refused the part: " + stored.statusCode() + " " + stored.body());
        }
        String etag = stored.headers().firstValue("ETag").orElseThrow().replace("\"", "\\\"");
        String job = send("POST", "/api/transcode/uploads/" + upload.field("uploadId") + "/complete",
                "{\"parts\":[{\"partNumber\":1,\"etag\":\"" + etag + "\"}]}", creator)
                .expect(202, "complete the upload").field("id");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(6);
        while (true) {
            String status = send("GET", "/api/transcode/status/" + job, null, creator).expect(200, "job").field("status");
            if (status.equals("COMPLETED")) {
                return;
            }
            if (List.of("FAILED", "CANCELLED").contains(status) || System.nanoTime() > deadline) {
                throw new IllegalStateException("transcode " + job + " ended " + status);
            }
            Thread.sleep(500);
        }
    }

    static String register(String email) throws Exception {
        send("POST", "/api/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", null)
                .expect(201, "register " + email);
        return email;
    }

    static Answer login(String email) throws Exception {
        return send("POST", "/api/auth/login", """
                {"email":"%s","password":"%s","deviceName":"bench","deviceType":"web","fingerprint":"bench-%s"}"""
                .formatted(email, PASSWORD, email), null).expect(200, "sign in " + email);
    }

    static Answer send(String method, String path, String json, String token, String... headers)
            throws IOException, InterruptedException {
        // a client address of its own per request: the sign-in and registration buckets are per address
        int client = ++clients;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", "10.252." + (client / 250 % 250) + "." + (client % 250 + 1))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(answer.statusCode(), answer.body());
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
