package com.thewans.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.openqa.selenium.chrome.ChromeDriver;

import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

/**
 * The seed's first data flow, "a user watches a film", through the gateway of the running stack: a
 * creator's master is transcoded, an admin opens a TVOD window, a viewer rents the film with the
 * Stripe sandbox's test card. A player first step by step (master, variant, the key with the
 * session's token, a real segment decrypted with it, a heartbeat, a stop that keeps the position
 * and ends the key), then the web app's page in headless Chromium: hls.js plays past 5 s with no
 * error, fetching the key with its session's token, heartbeats arrive, a second browser over the
 * limit is refused with the 409, and the position where it stopped is the resume position.
 */
@Order(6)
@ExtendWith(RunningPlatform.class)
class PlaybackSystemTest {

    static TestHttp gateway;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
    }

    @Test
    void aViewerRentsAFilmAndWatchesItThroughPlaybackWithTheKeyOfTheirSession(@TempDir Path work)
            throws Exception {
        Visitor office = new Visitor(gateway);
        Visitor.Session admin = office.admin();
        Visitor studio = new Visitor(gateway);
        Visitor.Session creator = studio.newCreator();
        String filmId = Storefront.publishedFilm(studio, creator, "Sepik Nights " + UUID.randomUUID(),
                "Night fishing on the Sepik, told by the grandmother who taught the village.", 1, "drama");
        JsonNode job = FilmMasters.uploadAndTranscode(studio, creator, filmId, 12, work);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("COMPLETED");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Storefront.openRentals(office, admin, filmId);

        Visitor home = new Visitor(gateway);
        Visitor.Session viewer = home.newViewer();
        var profile = home.send("POST", "/api/profile", Map.of("displayName", "Kila", "country", "PG"), viewer);
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        Storefront.rentWithTestCard(home, viewer, filmId);

        // the player starts a session through the gateway; the CDN in front of it says where the viewer is
        var started = home.send("POST", "/api/playback/start", Map.of("filmId", filmId, "deviceId", "living-room"),
                viewer, "CF-IPCountry", "PG");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode session = started.json();
        assertThat(session.get("offer").get("kind").asString()).isEqualTo("RENTAL");
        assertThat(Instant.parse(session.get("watchUntil").asString()))
                .isBetween(now.plus(Duration.ofHours(47)), now.plus(Duration.ofHours(49)));
        String masterUrl = session.get("manifests").get("hls").asString();
        assertThat(masterUrl).startsWith(gatewayBase() + "/api/playback/sessions/");

        // what hls.js does: the master (no Authorization header), a variant, the key, a segment
        HttpClient player = HttpClient.newHttpClient();
        String master = fetch(player, masterUrl).body();
        assertThat(master).startsWith("#EXTM3U").contains("RESOLUTION=640x360").contains("hls/360p/index.m3u8?token=");
        String variantUrl = URI.create(masterUrl).resolve(master.lines().filter(l -> l.startsWith("hls/360p/"))
                .findFirst().orElseThrow()).toString();
        String variant = fetch(player, variantUrl).body();
        String keyTag = variant.lines().filter(l -> l.startsWith("#EXT-X-KEY:")).findFirst().orElseThrow();
        String keyUrl = keyTag.replaceAll(".*URI=\"([^\"]+)\".*", "$1");
        assertThat(keyUrl).isEqualTo(session.get("keyUrl").asString());
        byte[] key = player.send(HttpRequest.newBuilder(URI.create(keyUrl)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        assertThat(key).hasSize(16);
        String segmentUrl = variant.lines().filter(l -> l.startsWith("http") && l.contains(".m4s")).findFirst()
                .orElseThrow();
        byte[] encrypted = player.send(HttpRequest.newBuilder(URI.create(segmentUrl)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        Cipher aes = Cipher.getInstance("AES/CBC/PKCS5Padding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(HexFormat.of()
                .parseHex(keyTag.replaceAll(".*IV=0x([0-9a-fA-F]{32}).*", "$1"))));
        byte[] segment = aes.doFinal(encrypted);
        // an fMP4 media segment: a box whose type is at bytes 4..8
        assertThat(new String(segment, 4, 4)).isIn("styp", "moof", "sidx");

        // heartbeats while it plays, then stop half-way: the position is kept
        String sessionId = session.get("sessionId").asString();
        var beat = home.send("POST", "/api/playback/heartbeat", Map.of("sessionId", sessionId,
                "positionSeconds", 1.0, "rendition", "360p"), viewer);
        assertThat(beat.status()).as(beat.body()).isEqualTo(200);

        var stopped = home.send("POST", "/api/playback/stop", Map.of("sessionId", sessionId, "positionSeconds", 2.0),
                viewer);
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(player.send(HttpRequest.newBuilder(URI.create(keyUrl)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(409);
        JsonNode resume = home.get("/api/playback/resume", viewer).json();
        assertThat(resume.get(0).get("filmId").asString()).isEqualTo(filmId);
        assertThat(resume.get(0).get("positionSeconds").asInt()).isEqualTo(2);

        try (WatchPage page = new WatchPage()) {
            // the web app's player in a real browser: hls.js plays the session's capped master, AES-128 keys and all
            ChromeDriver browser = page.openBrowser();
            browser.executeScript("watch(arguments[0], arguments[1], arguments[2], 'browser-1')", gatewayBase(),
                    viewer.accessToken(), filmId);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(
                    () -> currentTime(browser), t -> t > 5 || !fatalErrors(browser).isEmpty());
            assertThat(fatalErrors(browser)).isEmpty();
            assertThat(currentTime(browser)).isGreaterThan(5);
            Map<?, ?> report = (Map<?, ?>) browser.executeScript("return window.report");
            Map<?, ?> watching = (Map<?, ?>) report.get("session");
            assertThat((List<?>) report.get("keyRequests")).isNotEmpty().allSatisfy(url -> assertThat(url.toString())
                    .isEqualTo(watching.get("keyUrl")));
            await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) browser.executeScript(
                    "return window.report.beats")).intValue() >= 2);

            // the viewer's second slot (no subscription: two streams), then a second browser is one too many
            var phone = home.send("POST", "/api/playback/start", Map.of("filmId", filmId, "deviceId", "phone"),
                    viewer, "CF-IPCountry", "PG");
            assertThat(phone.status()).as(phone.body()).isEqualTo(201);
            ChromeDriver another = page.openBrowser();
            another.executeScript("watch(arguments[0], arguments[1], arguments[2], 'browser-2')", gatewayBase(),
                    viewer.accessToken(), filmId);
            await().atMost(Duration.ofSeconds(20)).until(() -> another.executeScript("return window.report.startStatus"),
                    status -> status != null);
            assertThat(((Number) another.executeScript("return window.report.startStatus")).intValue()).isEqualTo(409);
            assertThat(another.executeScript("return window.report.problem.code")).isEqualTo("too-many-streams");
            assertThat(another.executeScript("return JSON.stringify(window.report.problem.streams)").toString())
                    .contains("browser-1", "phone");

            Map<?, ?> stoppedInBrowser = (Map<?, ?>) browser.executeAsyncScript(
                    "stopWatching(arguments[0], arguments[1]).then(arguments[arguments.length - 1])", gatewayBase(),
                    viewer.accessToken());
            assertThat(((Number) stoppedInBrowser.get("status")).intValue()).isEqualTo(200);
            int stoppedAt = ((Number) ((Map<?, ?>) stoppedInBrowser.get("body")).get("positionSeconds")).intValue();
            assertThat(stoppedAt).isGreaterThanOrEqualTo(5);
            assertThat(home.get("/api/playback/resume", viewer).json().get(0).get("positionSeconds").asInt())
                    .isEqualTo(stoppedAt);
        }
    }

    private static double currentTime(ChromeDriver browser) {
        return ((Number) browser.executeScript("return document.getElementById('screen').currentTime")).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> fatalErrors(ChromeDriver browser) {
        return ((List<Object>) browser.executeScript("return window.report.errors")).stream().map(String::valueOf)
                .filter(e -> e.startsWith("fatal")).toList();
    }

    /** The viewer rents the film with the Stripe sandbox's test card, and rights grants it. */
    private static HttpResponse<String> fetch(HttpClient player, String url) throws Exception {
        HttpResponse<String> answer = player.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(url + " " + answer.body()).isEqualTo(200);
        return answer;
    }

    private static String gatewayBase() {
        return "http://localhost:" + (8080 + RunningPlatform.PORT_OFFSET);
    }
}
