package com.thewans.rights;

import static com.thewans.testkit.TestHttp.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;
import com.thewans.testkit.WansServiceTest;
import com.thewans.common.security.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** rights-service on a random port against real PostgreSQL and Redis, catalog stubbed at HTTP. */
@WansServiceTest
@Import(MovableClock.Config.class)
public abstract class RightsTestSupport {

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) {
        registry.add("wans.clients.catalog.url", () -> CatalogStub.get().url());
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected StringRedisTemplate redis;

    @Autowired
    protected MovableClock clock;

    protected TestHttp http;
    protected final CatalogStub catalog = CatalogStub.get();
    protected final UUID adminId = UUID.randomUUID();
    protected String admin;

    /** Every test starts at a whole hour of real time, so windows it creates relative to now behave alike. */
    protected Instant now;

    @BeforeEach
    void startClean() {
        http = TestHttp.localhost(port);
        admin = TestTokens.admin(adminId);
        now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        clock.set(now);
        catalog.down(false);
    }

    protected static String viewerToken(UUID userId) {
        return TestTokens.viewer(userId);
    }

    protected static String serviceToken() {
        return TestTokens.forUser(UUID.randomUUID(), Role.SERVICE);
    }

    protected TestHttp.Response post(String path, String body, String token) {
        return token == null
                ? http.send("POST", path, body, "Content-Type", "application/json")
                : http.send("POST", path, body, "Content-Type", "application/json", "Authorization", bearer(token));
    }

    protected TestHttp.Response get(String path, String token) {
        return token == null ? http.get(path) : http.get(path, "Authorization", bearer(token));
    }

    protected TestHttp.Response patch(String path, String body, String ifMatch) {
        return ifMatch == null
                ? http.send("PATCH", path, body, "Content-Type", "application/json", "Authorization", bearer(admin))
                : http.send("PATCH", path, body, "Content-Type", "application/json", "Authorization", bearer(admin),
                        "If-Match", ifMatch);
    }

    /** Creates a window as an admin and insists it worked. */
    protected JsonNode window(String body) {
        TestHttp.Response created = post("/api/windows", body, admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    protected static String svodFor(UUID filmId, String territoriesJson, Instant startsAt, Instant endsAt) {
        return """
                {"filmId":"%s","type":"SVOD","territories":%s,"startsAt":"%s"%s}"""
                .formatted(filmId, territoriesJson, startsAt, endsAt == null ? "" : ",\"endsAt\":\"" + endsAt + "\"");
    }

    protected static String worldwide(UUID filmId, String type, String excludedJson, Instant startsAt, Instant endsAt,
            String extra) {
        return """
                {"filmId":"%s","type":"%s","worldwide":true,"excludedTerritories":%s,"startsAt":"%s"%s%s}"""
                .formatted(filmId, type, excludedJson, startsAt, endsAt == null ? "" : ",\"endsAt\":\"" + endsAt + "\"",
                        extra == null ? "" : "," + extra);
    }

    protected static final String TVOD_PRICES = "\"prices\":[{\"currency\":\"PGK\",\"amount\":990},"
            + "{\"currency\":\"USD\",\"amount\":299}]";

    /** The data of every outbox event of this type about this window or entitlement, oldest first. */
    protected List<JsonNode> events(String type, String field, Object id) {
        return jdbc.queryForList("""
                select envelope::text from outbox_event where type = ? and envelope -> 'data' ->> ? = ?
                order by occurred_at, id""", String.class, type, field, id.toString()).stream()
                .map(envelope -> JSON.readTree(envelope).get("data")).toList();
    }

    protected static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asString());
    }
}
