package com.thewans.identity.token;

import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.thewans.common.security.TokenProperties;

/**
 * The platform-wide set of ended sessions, in Redis: {@code revoked-session:<sessionId>} = "1".
 * The gateway and every service refuse an access token whose {@code sid} is in it. An entry
 * lives as long as the longest access token of that session could (lifetime plus clock skew);
 * after that the tokens have expired on their own and the entry has nothing left to do.
 */
@Component
public class RevokedSessions {

    public static final String KEY_PREFIX = com.thewans.common.security.SessionRevocations.KEY_PREFIX;

    private final StringRedisTemplate redis;
    private final Duration keepFor;

    RevokedSessions(StringRedisTemplate redis, TokenSettings settings, TokenProperties platform) {
        this.redis = redis;
        this.keepFor = settings.accessTokenTtl().plus(platform.clockSkew());
    }

    /**
     * Called inside the transaction that ends the sessions: if Redis cannot take them, the
     * transaction fails and the caller learns the sessions were not ended.
     */
    public void add(Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return;
        }
        redis.executePipelined((org.springframework.data.redis.core.RedisCallback<Object>) connection -> {
            for (UUID id : sessionIds) {
                connection.stringCommands().set((KEY_PREFIX + id).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "1".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        org.springframework.data.redis.core.types.Expiration.from(keepFor),
                        org.springframework.data.redis.connection.RedisStringCommands.SetOption.upsert());
            }
            return null;
        });
    }

    public Duration keepFor() {
        return keepFor;
    }
}
