package com.thewans.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.thewans.common.security.Role;
import com.thewans.testkit.MovableClock;
import com.thewans.testkit.ServiceTestSupport;
import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;
import com.thewans.testkit.WansServiceTest;

import tools.jackson.databind.JsonNode;

/** rights-service on a random port against real PostgreSQL and Redis, catalog stubbed at HTTP, time movable. */
@WansServiceTest
@Import(MovableClock.Config.class)
public abstract class RightsTestSupport extends ServiceTestSupport {

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) {
        registry.add("wans.clients.catalog.url", () -> CatalogStub.get().url());
    }

    @Autowired
    protected StringRedisTemplate redis;

    @Autowired
    protected MovableClock clock;

    protected final CatalogStub catalog = CatalogStub.get();
    protected final UUID adminId = UUID.randomUUID();
    protected String admin;

    /** Every test starts at a whole hour of real time, so windows it creates relative to now behave alike. */
    protected Instant now;

    @BeforeEach
    void startClean() {
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

    /** An admin's PATCH of a window, naming the version it was made against unless ifMatch is null. */
    protected TestHttp.Response patch(String path, String body, String ifMatch) {
        return ifMatch == null
                ? send("PATCH", path, body, admin, "Content-Type", "application/json")
                : send("PATCH", path, body, admin, "Content-Type", "application/json", "If-Match", ifMatch);
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
        return outboxEvents(type, field, id);
    }

    protected static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asString());
    }
}
