package com.thewans.common.security;

import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Sessions identity-service has revoked (logout, sign-out-everywhere, reused refresh token,
 * disabled account). Identity writes {@code revoked-session:<sessionId>} to Redis with a time to
 * live that outlasts every access token of the session; a token of such a session is refused even
 * though its signature and expiry are fine.
 */
public class SessionRevocations {

    public static final String KEY_PREFIX = "revoked-session:";

    private final StringRedisTemplate redis;

    public SessionRevocations(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public boolean isRevoked(UUID sessionId) {
        return sessionId != null && Boolean.TRUE.equals(redis.hasKey(KEY_PREFIX + sessionId));
    }
}
