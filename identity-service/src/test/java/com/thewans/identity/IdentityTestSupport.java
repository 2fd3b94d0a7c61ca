package com.thewans.identity;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import com.thewans.common.testing.WansServiceTest;

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

    protected UUID userIdOf(String email) {
        return jdbc.queryForObject("select id from users where email = ?", UUID.class, email);
    }
}
