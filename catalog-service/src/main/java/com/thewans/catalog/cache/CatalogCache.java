package com.thewans.catalog.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Public film pages and list pages in Redis for an hour. Instead of deleting keys, a change bumps
 * a generation counter (INCR is atomic and every instance reads the same Redis), and keys carry
 * the generations they were built under: a change makes every instance miss at once, and a
 * reader that loaded old rows before the change can only write under the old generation, which
 * nobody reads any more. Readers fetch the generations before they query the database.
 * Redis trouble only means a miss: the database answers.
 */
@Component
public class CatalogCache {

    private static final Logger log = LoggerFactory.getLogger(CatalogCache.class);
    static final Duration TTL = Duration.ofHours(1);
    private static final String LISTS = "catalog:gen:lists";
    private static final String GENRES = "catalog:gen:genres";

    private final StringRedisTemplate redis;

    CatalogCache(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The key a film's public view is cached under right now (fetch before reading the database). */
    public Optional<String> filmKey(UUID filmId) {
        try {
            List<String> gens = redis.opsForValue().multiGet(List.of(filmGeneration(filmId), GENRES));
            return Optional.of("catalog:film:" + filmId + ":" + gen(gens.get(0)) + ":" + gen(gens.get(1)));
        } catch (RuntimeException e) {
            log.debug("cache unavailable: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The key a list page for this query is cached under right now. */
    public Optional<String> listKey(String canonicalQuery) {
        try {
            List<String> gens = redis.opsForValue().multiGet(List.of(LISTS, GENRES));
            return Optional.of("catalog:films:" + gen(gens.get(0)) + ":" + gen(gens.get(1)) + ":" + sha256(canonicalQuery));
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
                redis.opsForValue().set(k, value, TTL);
            } catch (RuntimeException e) {
                log.debug("cache unavailable: {}", e.getMessage());
            }
        });
    }

    /** The film and every list changed (after the transaction commits). */
    public void filmChanged(UUID filmId) {
        afterCommit(() -> {
            redis.opsForValue().increment(filmGeneration(filmId));
            redis.opsForValue().increment(LISTS);
        });
    }

    /** Which films are available where changed: lists only. */
    public void availabilityChanged() {
        afterCommit(() -> redis.opsForValue().increment(LISTS));
    }

    /** Genres changed: every film and list shows genre names. */
    public void catalogChanged() {
        afterCommit(() -> {
            redis.opsForValue().increment(GENRES);
            redis.opsForValue().increment(LISTS);
        });
    }

    private static void afterCommit(Runnable bump) {
        Runnable safe = () -> {
            try {
                bump.run();
            } catch (RuntimeException e) {
                // an hour of staleness at worst; the change itself is committed
                log.warn("could not invalidate the catalog cache: {}", e.getMessage());
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

    private static String filmGeneration(UUID filmId) {
        return "catalog:gen:film:" + filmId;
    }

    private static String gen(String value) {
        return value == null ? "0" : value;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
