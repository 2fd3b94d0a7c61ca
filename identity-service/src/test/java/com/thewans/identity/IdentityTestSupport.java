package com.thewans.identity;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.thewans.testkit.WansServiceTest;

import tools.jackson.databind.JsonNode;

/** identity-service running for real on a random port, against real PostgreSQL and Redis. */
@WansServiceTest
public abstract class IdentityTestSupport {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected StringRedisTemplate redis;

    protected IdentityApi api;

    @BeforeEach
    void newClient() {
        api = new IdentityApi(port);
    }

    /** A signed-in administrator (made one directly in the database, as ops would the first). */
    protected IdentityApi.Tokens newAdmin() {
        String email = api.registerEmail();
        jdbc.update("update users set roles = 'ADMIN,VIEWER' where email = ?", email);
        return api.login(email);
    }

    /** The data of every outbox event of this type about this user, oldest first. */
    protected List<JsonNode> eventsAbout(String type, UUID userId) {
        return jdbc.queryForList("""
                select envelope::text from outbox_event where type = ? and envelope -> 'data' ->> 'userId' = ?
                order by occurred_at""", String.class, type, userId.toString()).stream()
                .map(envelope -> IdentityApi.JSON.readTree(envelope).get("data")).toList();
    }

    /** The code in the newest event of this type sent to this destination. */
    protected String lastCodeSentTo(String type, String destination) {
        List<String> codes = jdbc.queryForList("""
                select envelope -> 'data' ->> 'code' from outbox_event
                where type = ? and envelope -> 'data' ->> 'destination' = ? order by occurred_at desc""",
                String.class, type, destination);
        if (codes.isEmpty()) {
            throw new AssertionError("No " + type + " event was sent to " + destination);
        }
        return codes.get(0);
    }

    protected UUID userIdOf(String email) {
        return jdbc.queryForObject("select id from users where email = ?", UUID.class, email);
    }
}
