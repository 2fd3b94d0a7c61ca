package com.thewans.recommendation;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.thewans.common.events.EventLog;
import com.thewans.recommendation.compute.Recompute;
import com.thewans.testkit.MovableClock;
import com.thewans.testkit.ServiceTestSupport;
import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;
import com.thewans.testkit.WansServiceTest;

import tools.jackson.databind.JsonNode;

/**
 * recommendation-service on a random port against real PostgreSQL and Redis, identity stubbed at
 * HTTP ({@link IdentityStub}), time movable, the recompute job run by hand. Other services are
 * present only as the events they publish, appended to the real streams as they would append them.
 * Every test uses territories of its own, so tests sharing the database do not see each other's films.
 */
@WansServiceTest(properties = {"wans.clients.identity.url=${wans.test.identity-url}",
    "wans.recommendation.recompute-enabled=false"})
@Import(MovableClock.Config.class)
public abstract class RecommendationTestSupport extends ServiceTestSupport {

    static {
        IdentityStub.get();
    }

    @Autowired
    protected MovableClock clock;

    @Autowired
    protected EventLog eventLog;

    @Autowired
    protected Recompute recompute;

    @Autowired
    protected StringRedisTemplate redis;

    protected final IdentityStub identity = IdentityStub.get();
    private final List<UUID> appended = new ArrayList<>();
    protected Instant now;

    @BeforeEach
    void startClean() {
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
        identity.down(false);
    }

    /** A viewer in the territory whose profile states the language and maturity limit; their token. */
    protected record Viewer(UUID id, String token) {
    }

    protected Viewer viewer(String territory, String language, String maturity, String... genres) {
        UUID id = UUID.randomUUID();
        identity.profile(id, territory, language, maturity, genres);
        return new Viewer(id, TestTokens.viewer(id));
    }

    /** catalog announces a published film; its id. */
    protected UUID film(String title, String genres, String languages, String maturity) {
        UUID id = UUID.randomUUID();
        filmChanged("film.published", id, title, "PUBLISHED", genres, languages, maturity, 2, clock.instant());
        return id;
    }

    protected void filmChanged(String type, UUID id, String title, String status, String genres, String languages,
            String maturity, int version, Instant at) {
        filmChanged(type, id, title, status, genres, languages, maturity, version, at, null);
    }

    /** The same, directed by {@code director} (catalog's credits; none when null). */
    protected void filmChanged(String type, UUID id, String title, String status, String genres, String languages,
            String maturity, int version, Instant at, String director) {
        Map<String, Object> credits = Map.of("directors", director == null ? List.of() : List.of(Map.of("name",
                director)), "cast", List.of(Map.of("name", "Cast of " + title, "character", "Lead")), "producers",
                List.of());
        publish(type, at, data("filmId", id, "creatorId", UUID.nameUUIDFromBytes(title.getBytes()), "title", title,
                "slug", title.toLowerCase().replace(' ', '-'), "status", status, "genres", list(genres),
                "releaseYear", 2025, "runtimeMinutes", 100, "maturityRating", maturity, "languages", list(languages),
                "countries", List.of("PG"), "credits", credits, "version", version));
    }

    /** rights announces a window of the type open from an hour ago in these territories (none: worldwide). */
    protected UUID window(UUID filmId, String type, String... territories) {
        UUID windowId = UUID.randomUUID();
        Map<String, Object> data = new LinkedHashMap<>(Map.of("windowId", windowId, "filmId", filmId, "type", type,
                "worldwide", territories.length == 0, "territories", List.of(territories),
                "excludedTerritories", List.of(), "startsAt", clock.instant().minus(Duration.ofHours(1)).toString()));
        publish("window.opened", clock.instant(), data);
        return windowId;
    }

    protected void windowClosed(UUID windowId, UUID filmId, String type) {
        publish("window.closed", clock.instant(), Map.of("windowId", windowId, "filmId", filmId, "type", type,
                "reason", "CANCELLED"));
    }

    /** A film published and opened for subscribers in the territory (or worldwide); its id. */
    protected UUID watchableFilm(String title, String genres, String languages, String maturity,
            String... territories) {
        UUID id = film(title, genres, languages, maturity);
        window(id, "SVOD", territories);
        return id;
    }

    /** playback announces a session that started at {@code at} and stopped after {@code seconds}. */
    protected UUID watch(Viewer viewer, UUID filmId, String territory, Instant at, int seconds, int position,
            boolean finished) {
        UUID session = UUID.randomUUID();
        started(session, viewer, filmId, territory, at);
        stopped(session, viewer, filmId, territory, at.plusSeconds(seconds), seconds, position, finished);
        return session;
    }

    protected void started(UUID session, Viewer viewer, UUID filmId, String territory, Instant at) {
        publish("playback.started", at, data("sessionId", session, "userId", viewer.id(), "filmId", filmId,
                "deviceId", "tv", "territory", territory, "offerKind", "SUBSCRIPTION", "windowId", UUID.randomUUID(),
                "withAds", false, "maxQuality", "1080p", "startedAt", at.toString(), "resumeFromSeconds", 0));
    }

    protected void stopped(UUID session, Viewer viewer, UUID filmId, String territory, Instant at, int seconds,
            int position, boolean finished) {
        publish("playback.stopped", at, Map.ofEntries(Map.entry("sessionId", session),
                Map.entry("userId", viewer.id()), Map.entry("filmId", filmId), Map.entry("deviceId", "tv"),
                Map.entry("territory", territory), Map.entry("offerKind", "SUBSCRIPTION"),
                Map.entry("windowId", UUID.randomUUID()), Map.entry("withAds", false),
                Map.entry("startedAt", at.minusSeconds(seconds).toString()), Map.entry("stoppedAt", at.toString()),
                Map.entry("endedBy", "STOPPED"), Map.entry("watchedSeconds", seconds),
                Map.entry("bufferingSeconds", 0), Map.entry("positionSeconds", position),
                Map.entry("finished", finished), Map.entry("renditions", List.of("720p"))));
    }

    /** Appends an event to its stream as its producer's relay would; its id. */
    protected UUID publish(String type, Instant at, Map<String, ?> data) {
        UUID id = UUID.randomUUID();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", id.toString());
        envelope.put("type", type);
        envelope.put("occurredAt", at.toString());
        envelope.put("producer", "test");
        envelope.put("version", 1);
        envelope.put("data", data);
        eventLog.append(type, id.toString(), JSON.writeValueAsString(envelope));
        synchronized (appended) {
            appended.add(id);
        }
        return id;
    }

    /** Waits until the service has handled every event this test appended. */
    protected void awaitEvents() {
        UUID[] ids;
        synchronized (appended) {
            ids = appended.toArray(UUID[]::new);
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where event_id = any(?)", Integer.class, (Object) ids)
                == ids.length);
    }

    /** Handles every event appended so far, then runs the job once. */
    protected void recomputed() {
        awaitEvents();
        recompute.run();
    }

    protected TestHttp.Response row(Viewer viewer, String path, String... headers) {
        return get("/api/recommend/" + path, viewer.token(), headers);
    }

    /** The film ids of a row's items, in order. */
    protected static List<UUID> ids(JsonNode row) {
        List<UUID> ids = new ArrayList<>();
        row.get("items").forEach(item -> ids.add(UUID.fromString(item.get("filmId").asString())));
        return ids;
    }

    protected static JsonNode item(JsonNode row, UUID filmId) {
        for (JsonNode item : row.get("items")) {
            if (item.get("filmId").asString().equals(filmId.toString())) {
                return item;
            }
        }
        throw new AssertionError(filmId + " is not in " + row);
    }

    /** Event data from name-value pairs, in order. */
    protected static Map<String, Object> data(Object... namesAndValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            data.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return data;
    }

    private static List<String> list(String values) {
        return values == null || values.isBlank() ? List.of()
                : Arrays.stream(values.split(",")).map(String::trim).collect(Collectors.toList());
    }
}
