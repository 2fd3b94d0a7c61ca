package com.thewans.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

/**
 * Watching free with ads, through the gateway of the running stack: an admin books a campaign with a
 * real video creative (uploaded by presigned PUT, checked with ffprobe) for viewers in PG, and opens
 * an AVOD window in PG; a viewer in PG starts playback and the start names the session's VMAP, whose
 * pre-roll VAST names the creative; the player fires its impression twice and it counts once; a
 * viewer in AU gets no ad of the campaign; the campaign's report shows the one impression.
 */
@Order(7)
@ExtendWith(RunningPlatform.class)
class AdvertisingSystemTest {

    private static final String VAST = "http://www.iab.com/VAST";
    private static final String VMAP = "http://www.iab.net/videosuite/vmap";

    static TestHttp gateway;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
    }

    @Test
    void aViewerInPngWatchesFreeWithThePreRollOfACampaignTargetedThereAndItsImpressionCountsOnce(
            @TempDir Path work) throws Exception {
        Visitor office = new Visitor(gateway);
        Visitor.Session admin = office.admin();
        Visitor studio = new Visitor(gateway);
        Visitor.Session creator = studio.newCreator();
        String filmId = Storefront.publishedFilm(studio, creator, "Kundu Drums " + UUID.randomUUID(),
                "A drum maker of the Highlands and the village festival he plays for.", 1, "drama");
        JsonNode job = FilmMasters.uploadAndTranscode(studio, creator, filmId, 12, work);
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("COMPLETED");

        // the stack outlives a run (and serves every story): campaigns an earlier run left running are paused
        for (JsonNode running : office.get("/api/ads/campaigns?status=ACTIVE&size=100", admin).json().get("items")) {
            office.send("POST", "/api/ads/campaigns/" + running.get("id").asString() + "/pause", null, admin);
        }

        // the campaign, for viewers in PG, with a 10-second spot uploaded straight to storage
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var campaign = office.send("POST", "/api/ads/campaigns", Map.of("advertiser", "Digicel PNG", "name",
                "Festive season", "startsAt", now.minusSeconds(60).toString(), "endsAt", now.plus(Duration.ofDays(30))
                        .toString(), "currency", "PGK", "totalBudget", 500_000, "dailyBudget", 100_000, "cpm", 4_000,
                "targeting", Map.of("territories", List.of("PG"))), admin);
        assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
        String campaignId = campaign.json().get("id").asString();
        var started = office.send("POST", "/api/ads/campaigns/" + campaignId + "/creatives", Map.of("title",
                "Digicel festive 10s", "clickThroughUrl", "https://www.digicelpng.com", "contentType", "video/mp4"),
                admin);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode upload = started.json().get("upload");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.get("url").asString()))
                .PUT(HttpRequest.BodyPublishers.ofFile(FilmMasters.generateMaster(work.resolve("spot.mp4"), 10)));
        upload.get("headers").properties().forEach(h -> {
            if (!h.getKey().equalsIgnoreCase("host")) {
                put.header(h.getKey(), h.getValue().asString());
            }
        });
        HttpClient player = HttpClient.newHttpClient();
        assertThat(player.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        String creativeId = started.json().get("creative").get("id").asString();
        var confirmed = office.send("POST", "/api/ads/campaigns/" + campaignId + "/creatives/" + creativeId
                + "/confirm", null, admin);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asString()).isEqualTo("READY");
        String universalAdId = confirmed.json().get("universalAdId").get("value").asString();
        var activated = office.send("POST", "/api/ads/campaigns/" + campaignId + "/activate", null, admin);
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);

        // free with ads in PG
        var window = office.send("POST", "/api/windows", Map.of("filmId", filmId, "type", "AVOD", "territories",
                List.of("PG"), "startsAt", now.minusSeconds(60).toString(), "endsAt", now.plus(Duration.ofDays(30))
                        .toString()), admin);
        assertThat(window.status()).as(window.body()).isEqualTo(201);

        Visitor home = new Visitor(gateway);
        Visitor.Session viewer = home.newViewer();
        JsonNode session = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> home.send("POST", "/api/playback/start", Map.of("filmId", filmId, "deviceId",
                        "phone"), viewer, "CF-IPCountry", "PG"), r -> r.status() == 201).json();
        assertThat(session.get("offer").get("kind").asString()).isEqualTo("AVOD");
        String schedule = session.get("adScheduleUrl").asString();
        assertThat(schedule).contains("/api/ads/vmap/" + filmId);
        String schedulePath = schedule.substring(schedule.indexOf("/api/ads/"));

        // the player fetches the VMAP through the same CDN (which says PG); its pre-roll names the creative
        // once advertising has the film and the campaign in its book
        Document vmap = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> xml(home.send("GET", schedulePath, null, viewer, "CF-IPCountry", "PG").body()),
                        d -> d.getDocumentElement().getElementsByTagNameNS(VAST, "UniversalAdId").getLength() > 0
                                && universalAdId.equals(d.getDocumentElement()
                                        .getElementsByTagNameNS(VAST, "UniversalAdId").item(0).getTextContent()));
        Element firstBreak = (Element) vmap.getElementsByTagNameNS(VMAP, "AdBreak").item(0);
        assertThat(firstBreak.getAttribute("timeOffset")).isEqualTo("start");
        assertThat(firstBreak.getElementsByTagNameNS(VAST, "AdTitle").item(0).getTextContent())
                .isEqualTo("Digicel festive 10s");
        assertThat(firstBreak.getElementsByTagNameNS(VAST, "UniversalAdId").item(0).getTextContent())
                .isEqualTo(universalAdId);
        String media = firstBreak.getElementsByTagNameNS(VAST, "MediaFile").item(0).getTextContent().strip();
        assertThat(player.send(HttpRequest.newBuilder(URI.create(media)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).statusCode()).isEqualTo(200);

        // the player fires the impression (no token; twice, as players do on a retry): it counts once
        String impression = firstBreak.getElementsByTagNameNS(VAST, "Impression").item(0).getTextContent().strip();
        for (int i = 0; i < 2; i++) {
            assertThat(player.send(HttpRequest.newBuilder(URI.create(impression)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
        }

        // a viewer in AU gets no ad of the campaign
        Visitor away = new Visitor(gateway);
        Visitor.Session abroad = away.newViewer();
        var au = away.send("GET", "/api/ads/serve/" + filmId, null, abroad, "CF-IPCountry", "AU");
        assertThat(au.status()).isEqualTo(200);
        assertThat(xml(au.body()).getDocumentElement().getElementsByTagNameNS(VAST, "Ad").getLength()).isZero();

        // the report shows the one impression (once the counts are flushed)
        JsonNode report = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> office.get("/api/ads/campaigns/" + campaignId + "/report", admin).json(),
                        r -> r.path("impressions").asLong() > 0);
        assertThat(report.get("impressions").asLong()).isEqualTo(1);
        assertThat(report.get("days").get(0).get("territory").asString()).isEqualTo("PG");
        assertThat(report.get("spend").asLong()).isEqualTo(4);
    }

    private static Document xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }
}
