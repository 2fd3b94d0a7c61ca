package com.thewans.identity;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.thewans.testkit.ServiceTestSupport;
import com.thewans.testkit.WansServiceTest;

import tools.jackson.databind.JsonNode;

/**
 * identity-service running for real on a random port, against real PostgreSQL and Redis; what it
 * adds to the service test kit: its API as a client uses it, Redis, admins, and the codes it sends.
 */
@WansServiceTest
public abstract class IdentityTestSupport extends ServiceTestSupport {

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
        return outboxEvents(type, "userId", userId);
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
