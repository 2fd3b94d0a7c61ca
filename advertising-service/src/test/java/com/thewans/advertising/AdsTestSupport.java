package com.thewans.advertising;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.w3c.dom.Document;

import com.thewans.advertising.decision.CampaignBook;
import com.thewans.advertising.tracking.CountFlush;
import com.thewans.common.events.EventLog;
import com.thewans.common.storage.ObjectStorage;
import com.thewans.testkit.MovableClock;
import com.thewans.testkit.ServiceTestSupport;
import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * advertising-service on a random port against real PostgreSQL, Redis and S3, catalog's genre list
 * stubbed at its HTTP side, time movable. Films arrive as catalog's film.* events on the stream.
 */
@AdsServiceTest
public abstract class AdsTestSupport extends ServiceTestSupport {

    static {
        PlatformStub.get();
    }

    @Autowired
    protected StringRedisTemplate redis;
    @Autowired
    protected MovableClock clock;
    @Autowired
    protected EventLog eventLog;
    @Autowired
    protected ObjectStorage storage;
    @Autowired
    protected CampaignBook book;
    @Autowired
    protected CountFlush countFlush;

    protected final UUID adminId = UUID.randomUUID();
    protected String admin;
    protected Instant now;

    @BeforeEach
    void startClean() {
        admin = TestTokens.admin(adminId);
        // mid-morning UTC of today: even pacing then allows a good share of a daily budget
        now = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(10));
        clock.set(now);
        jdbc.update("delete from ad_creatives");
        jdbc.update("delete from ad_campaigns");
        jdbc.update("delete from ad_impressions");
        jdbc.update("delete from ad_billed_hours");
        jdbc.update("delete from ad_count_batches");
        var keys = redis.keys("ads:*");
        if (keys != null && !keys.isEmpty()) {
            redis.delete(keys);
        }
        storage.createMissingBuckets();
        book.refresh();
    }

    /** A film as catalog announces it (film.published), once advertising's read model has it. */
    protected UUID film(String maturity, String genre, String language, int runtimeMinutes) {
        UUID filmId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId.toString());
        envelope.put("type", "film.published");
        envelope.put("occurredAt", clock.instant().toString());
        envelope.put("producer", "catalog-service");
        envelope.put("version", 1);
        envelope.put("data", JSON.readTree("""
                {"filmId":"%s","creatorId":"%s","title":"Mother of Pearl","slug":"mother-of-pearl",
                 "status":"PUBLISHED","genres":["%s"],"releaseYear":2025,"runtimeMinutes":%d,
                 "maturityRating":"%s","languages":["%s"],"countries":["PG"],"version":2}"""
                .formatted(filmId, UUID.randomUUID(), genre, runtimeMinutes, maturity, language)));
        eventLog.append("film.published", eventId.toString(), JSON.writeValueAsString(envelope));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from ad_films where film_id = ?", Long.class, filmId) == 1);
        return filmId;
    }

    protected UUID film() {
        return film("PG", "drama", "en", 100);
    }

    /** A campaign's JSON with sensible terms, the given targeting and extra members. */
    protected String campaignJson(String advertiser, String targeting, String extra) {
        return """
                {"advertiser":"%s","name":"%s summer","startsAt":"%s","endsAt":"%s","currency":"PGK",
                 "totalBudget":1000000,"dailyBudget":100000,"cpm":5000,"targeting":%s%s}"""
                .formatted(advertiser, advertiser, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)),
                        targeting, extra == null ? "" : "," + extra);
    }

    protected JsonNode createCampaign(String json) {
        TestHttp.Response created = post("/api/ads/campaigns", json, admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /**
     * An ACTIVE campaign with one READY creative (its row written as a confirmed upload leaves it: the
     * upload and ffprobe path has its own tests), in the decision book.
     */
    protected UUID activeCampaign(String json) {
        UUID id = UUID.fromString(createCampaign(json).get("id").asString());
        readyCreative(id, "Buai Cola 15s", 15_000, null);
        TestHttp.Response activated = post("/api/ads/campaigns/" + id + "/activate", "", admin);
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        book.refresh();
        return id;
    }

    protected UUID readyCreative(UUID campaignId, String title, int durationMs, Integer skipOffset) {
        UUID creativeId = UUID.randomUUID();
        jdbc.update("""
                insert into ad_creatives (id, campaign_id, title, universal_ad_registry, universal_ad_id,
                    click_through_url, skip_offset_seconds, object_key, status, content_type, size_bytes, duration_ms,
                    width, height, bitrate_kbps, video_codec, container, created_at, confirmed_at)
                values (?, ?, ?, 'thewans.com', ?, 'https://brand.example/pg', ?, ?, 'READY', 'video/mp4', 1875000,
                        ?, 1280, 720, 1000, 'h264', 'mp4', ?, ?)""",
                creativeId, campaignId, title, "WANS-" + creativeId.toString().substring(0, 8).toUpperCase(), skipOffset,
                "ads/creatives/" + campaignId + "/" + creativeId, durationMs, Timestamp.from(now), Timestamp.from(now));
        return creativeId;
    }

    protected TestHttp.Response serve(UUID filmId, String viewerToken, String country, String... query) {
        String q = query.length == 0 ? "" : "?" + String.join("&", query);
        return get("/api/ads/serve/" + filmId + q, viewerToken, "X-Country", country);
    }

    protected static String viewer() {
        return TestTokens.viewer(UUID.randomUUID());
    }

    protected static Document xml(String body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + body, e);
        }
    }

    protected long count(String column, UUID campaignId) {
        return jdbc.queryForObject("select coalesce(sum(" + column + "), 0) from ad_impressions where campaign_id = ?",
                Long.class, campaignId);
    }
}
