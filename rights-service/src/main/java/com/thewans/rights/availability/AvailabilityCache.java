package com.thewans.rights.availability;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import com.thewans.rights.window.WindowsChanged;

import tools.jackson.databind.json.JsonMapper;

/**
 * Availability answers in Redis for at most five minutes. Each film has a generation counter that
 * is part of every entry's key; a change of the film's windows increments it (one atomic INCR),
 * which orphans every cached territory at once, including answers a concurrent reader computed
 * from the old windows and wrote afterwards. Redis trouble never fails a request: the answer is
 * computed from the database instead.
 */
@Component
class AvailabilityCache {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityCache.class);
    static final Duration TTL = Duration.ofMinutes(5);
    // longer than any entry lives, so a reset counter can never reach an entry of its earlier life
    private static final Duration GENERATION_TTL = Duration.ofDays(1);

    record Cached(UUID filmId, String generation, Availability availability) {
    }

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    AvailabilityCache(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    /** Two round trips however many films: the generations, then the entries. */
    Map<UUID, Cached> lookup(List<UUID> filmIds, String territory) {
        Map<UUID, Cached> result = new HashMap<>();
        try {
            List<String> generations = redis.opsForValue().multiGet(filmIds.stream().map(AvailabilityCache::generationKey)
                    .toList());
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < filmIds.size(); i++) {
                String generation = generations == null || generations.get(i) == null ? "0" : generations.get(i);
                keys.add(entryKey(filmIds.get(i), generation, territory));
                result.put(filmIds.get(i), new Cached(filmIds.get(i), generation, null));
            }
            List<String> values = redis.opsForValue().multiGet(keys);
            for (int i = 0; values != null && i < filmIds.size(); i++) {
                if (values.get(i) != null) {
                    result.put(filmIds.get(i), new Cached(filmIds.get(i), result.get(filmIds.get(i)).generation(),
                            json.readValue(values.get(i), Availability.class)));
                }
            }
        } catch (RuntimeException e) {
            log.warn("Availability cache unreadable, answering from the database: {}", e.getMessage());
            result.clear();
        }
        return result;
    }

    /** Stores fresh answers under the generation they were read against, in one pipeline. */
    void store(List<Cached> fresh, Map<UUID, Duration> ttls) {
        if (fresh.isEmpty()) {
            return;
        }
        try {
            redis.executePipelined((RedisCallback<Object>) connection -> {
                for (Cached entry : fresh) {
                    byte[] key = entryKey(entry.filmId(), entry.generation(), entry.availability().territory())
                            .getBytes(StandardCharsets.UTF_8);
                    byte[] value = json.writeValueAsString(entry.availability()).getBytes(StandardCharsets.UTF_8);
                    connection.stringCommands().set(key, value,
                            Expiration.from(ttls.getOrDefault(entry.filmId(), TTL)), SetOption.upsert());
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Availability cache not written: {}", e.getMessage());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void evict(WindowsChanged changed) {
        try {
            redis.executePipelined((RedisCallback<Object>) connection -> {
                for (UUID filmId : changed.filmIds()) {
                    byte[] key = generationKey(filmId).getBytes(StandardCharsets.UTF_8);
                    connection.stringCommands().incr(key);
                    connection.keyCommands().expire(key, GENERATION_TTL.toSeconds());
                }
                return null;
            });
        } catch (RuntimeException e) {
            // entries expire within TTL anyway; the change itself is committed
            log.warn("Availability cache of films {} not evicted: {}", changed.filmIds(), e.getMessage());
        }
    }

    static String generationKey(UUID filmId) {
        return "rights:availability:generation:" + filmId;
    }

    static String entryKey(UUID filmId, String generation, String territory) {
        return "rights:availability:" + filmId + ":" + generation + ":" + territory;
    }
}
