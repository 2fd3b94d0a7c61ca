package com.thewans.playback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.thewans.common.events.EventLog;
import com.thewans.common.storage.ObjectStorage;
import com.thewans.testkit.MovableClock;
import com.thewans.testkit.ServiceTestSupport;
import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * playback-service on a random port against real PostgreSQL, Redis and S3, the other services
 * stubbed at their HTTP sides ({@link PlatformStub}), time movable. Films are "transcoded" by
 * storing transcoding's files (FFmpeg's playlist and manifest shapes) and announcing
 * transcode.completed on the event stream, as transcoding does.
 */
@PlaybackServiceTest
public abstract class PlaybackTestSupport extends ServiceTestSupport {

    static {
        PlatformStub.get();
    }

    /** FFmpeg's ladder names with their sizes, as transcoding stores them. */
    protected static final List<String[]> LADDER = List.of(new String[] {"360p", "640", "360", "900000"},
            new String[] {"480p", "854", "480", "1500000"}, new String[] {"720p", "1280", "720", "3000000"},
            new String[] {"1080p", "1920", "1080", "6000000"});
    protected static final int FILM_SECONDS = 1000;

    @Autowired
    protected StringRedisTemplate redis;

    @Autowired
    protected MovableClock clock;

    @Autowired
    protected ObjectStorage storage;

    @Autowired
    protected EventLog eventLog;

    protected final PlatformStub platform = PlatformStub.get();

    @BeforeEach
    void startClean() {
        clock.set(Instant.now());
        platform.rightsDown(false);
        platform.transcodingDown(false);
        platform.profileCountry("PG");
    }

    /** A viewer: id and access token. */
    protected record Viewer(UUID id, String token) {
    }

    protected static Viewer viewer() {
        UUID id = UUID.randomUUID();
        return new Viewer(id, TestTokens.viewer(id));
    }

    /** A viewer subscribed to {@code plan} (basic: 1 stream at 480p; standard: 2 at 1080p). */
    protected Viewer subscriber(String plan) {
        Viewer viewer = viewer();
        platform.subscribe(viewer.id(), plan);
        return viewer;
    }

    /** A film transcoded to the ladder, whose key transcoding holds, that viewers may watch under SVOD. */
    protected UUID svodFilm() {
        UUID filmId = transcodedFilm();
        platform.allow(filmId, "SUBSCRIPTION", UUID.randomUUID(), UUID.randomUUID(), null, null);
        return filmId;
    }

    protected UUID transcodedFilm() {
        UUID filmId = UUID.randomUUID();
        UUID jobId = UUID.randomUUID();
        String prefix = "films/" + filmId + "/jobs/" + jobId + "/1/";
        StringBuilder master = new StringBuilder("""
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-INDEPENDENT-SEGMENTS
                #EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="audio",DEFAULT=YES,URI="audio/index.m3u8"
                """);
        StringBuilder renditions = new StringBuilder();
        StringBuilder representations = new StringBuilder();
        for (int i = 0; i < LADDER.size(); i++) {
            String[] r = LADDER.get(i);
            master.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(r[3]).append(",RESOLUTION=").append(r[1]).append('x')
                    .append(r[2]).append(",CODECS=\"avc1.64001f,mp4a.40.2\",AUDIO=\"audio\"\n").append(r[0])
                    .append("/index.m3u8\n");
            renditions.append(i == 0 ? "" : ",").append("""
                    {"name":"%s","width":%s,"height":%s,"bandwidth":%s,"codecs":"avc1.64001f,mp4a.40.2",
                     "playlistKey":"%shls/%s/index.m3u8"}""".formatted(r[0], r[1], r[2], r[3], prefix, r[0]));
            representations.append("""
                    <Representation id="%d" mimeType="video/mp4" codecs="avc1.64001f" bandwidth="%s" width="%s" height="%s">
                      <SegmentTemplate timescale="12800" initialization="init_$RepresentationID$.mp4" media="seg_$RepresentationID$_$Number%%05d$.m4s" startNumber="1"/>
                    </Representation>
                    """.formatted(i, r[3], r[1], r[2]));
            put(prefix + "hls/" + r[0] + "/index.m3u8", variant(filmId));
            put(prefix + "hls/" + r[0] + "/init.mp4", "init of " + r[0]);
            put(prefix + "hls/" + r[0] + "/seg_00000.m4s", "segment 0 of " + r[0]);
        }
        put(prefix + "hls/audio/index.m3u8", variant(filmId));
        put(prefix + "hls/master.m3u8", master.toString());
        put(prefix + "dash/manifest.mpd", """
                <?xml version="1.0" encoding="utf-8"?>
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" profiles="urn:mpeg:dash:profile:isoff-live:2011" type="static" mediaPresentationDuration="PT16M40S" minBufferTime="PT4S">
                  <ProgramInformation/>
                  <Period id="0" start="PT0S">
                    <AdaptationSet id="0" contentType="video" segmentAlignment="true">
                      <ContentProtection schemeIdUri="urn:mpeg:dash:mp4protection:2011" value="cenc"/>
                      <ContentProtection schemeIdUri="urn:uuid:e2719d58-a985-b3c9-781a-b030af78d30e" value="ClearKey1.0"/>
                %s    </AdaptationSet>
                    <AdaptationSet id="1" contentType="audio">
                      <Representation id="9" mimeType="audio/mp4" codecs="mp4a.40.2" bandwidth="128000" audioSamplingRate="48000">
                        <SegmentTemplate timescale="48000" initialization="init_$RepresentationID$.mp4" media="seg_$RepresentationID$_$Number%%05d$.m4s" startNumber="1"/>
                      </Representation>
                    </AdaptationSet>
                  </Period>
                </MPD>
                """.formatted(representations));
        platform.keyOf(filmId);
        announceTranscode(filmId, jobId, prefix, "[" + renditions + "]", clock.instant());
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from transcoded_films where film_id = ? and job_id = ?", Long.class, filmId,
                jobId) == 1);
        return filmId;
    }

    protected UUID announceTranscode(UUID filmId, UUID jobId, String prefix, String renditionsJson, Instant at) {
        UUID eventId = UUID.randomUUID();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId.toString());
        envelope.put("type", "transcode.completed");
        envelope.put("occurredAt", at.toString());
        envelope.put("producer", "transcoding-service");
        envelope.put("version", 1);
        envelope.put("data", JSON.readTree("""
                {"jobId":"%s","filmId":"%s","creatorId":"%s","bucket":"wans-media",
                 "hlsMasterKey":"%shls/master.m3u8","dashManifestKey":"%sdash/manifest.mpd",
                 "posterKey":"%sthumbnails/poster.jpg","encryption":{"hls":"AES-128","dash":"cenc","keyId":"%s"},
                 "renditions":%s,"durationSeconds":%d}""".formatted(jobId, filmId, UUID.randomUUID(), prefix, prefix,
                prefix, filmId, renditionsJson, FILM_SECONDS)));
        eventLog.append("transcode.completed", eventId.toString(), JSON.writeValueAsString(envelope));
        return eventId;
    }

    private static String variant(UUID filmId) {
        return """
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-TARGETDURATION:4
                #EXT-X-MEDIA-SEQUENCE:0
                #EXT-X-PLAYLIST-TYPE:VOD
                #EXT-X-MAP:URI="init.mp4"
                #EXT-X-KEY:METHOD=AES-128,URI="http://localhost:8080/api/playback/key/%s",IV=0x000102030405060708090a0b0c0d0e0f
                #EXTINF:4.000000,
                seg_00000.m4s
                #EXT-X-ENDLIST
                """.formatted(filmId);
    }

    private void put(String key, String content) {
        storage.put("wans-media", key, content.getBytes(StandardCharsets.UTF_8), "application/octet-stream");
    }

    /** POST /api/playback/start from a device (null: none named), the territory from the profile unless headers say. */
    protected TestHttp.Response start(Viewer viewer, UUID filmId, String deviceId, String... headers) {
        String body = deviceId == null ? "{\"filmId\":\"" + filmId + "\"}"
                : "{\"filmId\":\"" + filmId + "\",\"deviceId\":\"" + deviceId + "\"}";
        return post("/api/playback/start", body, viewer.token(), headers);
    }

    /** Starts and insists it worked. */
    protected JsonNode started(Viewer viewer, UUID filmId, String deviceId) {
        TestHttp.Response started = start(viewer, filmId, deviceId);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json();
    }

    protected TestHttp.Response beat(Viewer viewer, Object sessionId, double position) {
        return post("/api/playback/heartbeat", """
                {"sessionId":"%s","positionSeconds":%s}""".formatted(sessionId, position), viewer.token());
    }

    protected TestHttp.Response stop(Viewer viewer, Object sessionId, Double position) {
        return post("/api/playback/stop", position == null ? "{\"sessionId\":\"" + sessionId + "\"}"
                : "{\"sessionId\":\"" + sessionId + "\",\"positionSeconds\":" + position + "}", viewer.token());
    }

    /** A URL the service handed out, fetched as a player would (no Authorization header), as bytes. */
    protected Fetched fetch(String url) {
        return fetch("GET", url, null);
    }

    protected Fetched fetch(String method, String url, String body) {
        String local = url.startsWith("/") ? "http://localhost:" + port + url
                : url.replaceFirst("^https?://[^/]+(?=/api/playback/)", "http://localhost:" + port);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(local)).timeout(Duration.ofSeconds(10));
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Fetched(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected record Fetched(int status, String contentType, String location, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(text());
        }
    }

    protected static UUID uuid(JsonNode node, String field) {
        return UUID.fromString(node.get(field).asString());
    }
}
