package com.thewans.recommendation.cache;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.thewans.recommendation.RecommendationSettings;

/**
 * Computed rows in Redis. Instead of deleting keys, a change bumps a generation counter (INCR is
 * atomic and every instance reads the same Redis) and keys carry the generations they were built
 * under, as catalog's cache does: a watch bumps the viewer's own generation (their personal rows
 * miss at once, nobody else's), a catalogue, window or job change bumps the shared one (every row
 * misses). A reader that ranked from old rows before a change can only write under the old
 * generation, which nobody reads any more. Redis trouble only means a miss: the database answers.
 */
@Component
public class RecommendationCache {

    private static final Logger log = LoggerFactory.getLogger(RecommendationCache.class);
    private static final String SHARED = "recommend:gen:shared";

    private final StringRedisTemplate redis;
    private final Duration ttl;

    RecommendationCache(StringRedisTemplate redis, RecommendationSettings settings) {
        this.redis = redis;
        this.ttl = settings.cacheTtl();
    }

    /** The key a viewer's personal row is cached under right now (fetch before reading the database). */
    public Optional<String> viewerKey(UUID userId, String row) {
        try {
            List<String> gens = redis.opsForValue().multiGet(List.of(viewerGeneration(userId), SHARED));
            return Optional.of("recommend:viewer:" + userId + ":" + gen(gens.get(0)) + ":" + gen(gens.get(1)) + ":"
                    + row);
        } catch (RuntimeException e) {
            log.debug("cache unavailable: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The key a row everyone in a territory shares (trending, latest, similar, genre) is cached under. */
    public Optional<String> sharedKey(String row) {
        try {
            return Optional.of("recommend:shared:" + gen(redis.opsForValue().get(SHARED)) + ":" + row);
        } catch (RuntimeException e) {
            log.debug("cache unavailable: {}", e.getMessage());
            return Optional.empty();
        }
    }

    public Optional<String> get(Optional<String> key) {
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(redis.opsForValue().get(key.get()));
        } catch (RuntimeException e) {
            log.debug("cache unavailable: {}", e.getMessage());
            return Optional.empty();
        }
    }

    public void put(Optional<String> key, String value) {
        key.ifPresent(k -> {
            try {
                redis.opsForValue().set(k, value, ttl);
            } catch (RuntimeException e) {
                log.debug("cache unavailable: {}", e.getMessage());
            }
        });
    }

    /** The viewer watched or bought something: their personal rows are out of date (after the commit). */
    public void viewerChanged(UUID userId) {
        afterCommit(() -> redis.opsForValue().increment(viewerGeneration(userId)));
    }

    /** Films, windows or computed scores changed: every row is out of date (after the commit). */
    public void sharedChanged() {
        afterCommit(() -> redis.opsForValue().increment(SHARED));
    }

    private static void afterCommit(Runnable bump) {
        Runnable safe = () -> {
            try {
                bump.run();
            } catch (RuntimeException e) {
                // stale for the cache's TTL at worst; the change itself is committed
                log.warn("could not invalidate the recommendation cache: {}", e.getMessage());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    safe.run();
                }
            });
        } else {
            safe.run();
        }
    }

    private static String viewerGeneration(UUID userId) {
        return "recommend:gen:viewer:" + userId;
    }

    private static String gen(String value) {
        return value == null ? "0" : value;
    }
}
