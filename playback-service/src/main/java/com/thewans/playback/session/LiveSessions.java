package com.thewans.playback.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import com.thewans.playback.PlaybackSettings;

/**
 * A playing session's heartbeats, added up in Redis (one hash per session) and written to the
 * database in batches by {@link ProgressFlush}, not one UPDATE per beat. Watch time is counted
 * here, atomically per beat: the seconds the position advanced, but never more than the time since
 * the last beat, so a replayed beat, a pause or a seek backwards adds nothing and a seek forward
 * adds only the time that passed. Buffering adds to buffering time, not watch time.
 */
@Component
class LiveSessions {

    static final String DIRTY = "playback:progressed";

    /** 1 counted; -1 unknown here (Redis lost it: the caller rebuilds it from the database); -2 ended. */
    private static final RedisScript<Long> BEAT = RedisScript.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
            if redis.call('HEXISTS', KEYS[1], 'ended') == 1 then return -2 end
            local now, pos, lease = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[5])
            local elapsed = now - tonumber(redis.call('HGET', KEYS[1], 'lastBeat'))
            if elapsed < 0 then elapsed = 0 end
            if elapsed > lease then elapsed = lease end
            if ARGV[3] == '1' then
              redis.call('HINCRBY', KEYS[1], 'bufferingMs', elapsed)
            else
              -- the first beat counts from the film's start: the player may have resumed or started over
              local from = redis.call('HGET', KEYS[1], 'fresh') and 0 or tonumber(redis.call('HGET', KEYS[1], 'pos'))
              local advanced = (pos - from) * 1000
              if advanced > 0 then redis.call('HINCRBY', KEYS[1], 'watchedMs', math.min(elapsed, advanced)) end
            end
            redis.call('HSET', KEYS[1], 'lastBeat', now, 'pos', pos)
            redis.call('HDEL', KEYS[1], 'fresh')
            if pos > tonumber(redis.call('HGET', KEYS[1], 'maxPos')) then redis.call('HSET', KEYS[1], 'maxPos', pos) end
            if ARGV[4] ~= '' then
              local played = redis.call('HGET', KEYS[1], 'renditions') or ''
              if not string.find(',' .. played .. ',', ',' .. ARGV[4] .. ',', 1, true) then
                redis.call('HSET', KEYS[1], 'renditions', played == '' and ARGV[4] or played .. ',' .. ARGV[4])
              end
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[6])
            redis.call('SADD', KEYS[2], ARGV[7])
            return 1
            """, Long.class);

    /** What a heartbeat needs to know of its session without asking the database. */
    record Live(UUID sessionId, UUID userId, UUID filmId, String deviceId, Instant startedAt, int durationSeconds,
            int maxStreams, String maxQuality, String ended, Progress progress) {
    }

    private final StringRedisTemplate redis;
    private final PlaybackSettings settings;

    LiveSessions(StringRedisTemplate redis, PlaybackSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    void open(PlaybackLog log, int durationSeconds, Progress progress, boolean fresh) {
        String key = key(log.id());
        if (fresh) {
            redis.opsForHash().put(key, "fresh", "1");
        }
        redis.opsForHash().putAll(key, Map.of("user", log.userId().toString(), "film", log.filmId().toString(),
                "device", log.deviceId(), "started", Long.toString(log.startedAt().toEpochMilli()),
                "duration", Integer.toString(durationSeconds), "maxStreams", Integer.toString(log.maxStreams()),
                "lastBeat", Long.toString(progress.lastBeatAt().toEpochMilli()),
                "pos", Integer.toString(progress.positionSeconds()), "maxPos",
                Integer.toString(progress.positionSeconds()), "watchedMs",
                Long.toString(progress.watchedSeconds() * 1000L)));
        redis.opsForHash().putAll(key, Map.of("bufferingMs", Long.toString(progress.bufferingSeconds() * 1000L),
                "quality", log.maxQuality(),
                "renditions", String.join(",", progress.renditions())));
        redis.expire(key, retention());
    }

    Optional<Live> find(UUID sessionId) {
        Map<Object, Object> h = redis.opsForHash().entries(key(sessionId));
        if (h.isEmpty() || h.get("user") == null) {
            return Optional.empty();
        }
        int maxPos = Integer.parseInt(s(h, "maxPos"));
        int duration = Integer.parseInt(s(h, "duration"));
        String renditions = h.getOrDefault("renditions", "").toString();
        Progress progress = new Progress(sessionId, Instant.ofEpochMilli(Long.parseLong(s(h, "lastBeat"))),
                Integer.parseInt(s(h, "pos")), (int) (Long.parseLong(s(h, "watchedMs")) / 1000),
                (int) (Long.parseLong(s(h, "bufferingMs")) / 1000),
                renditions.isEmpty() ? List.of() : Arrays.asList(renditions.split(",")),
                duration > 0 && maxPos >= duration * 0.9);
        return Optional.of(new Live(sessionId, UUID.fromString(s(h, "user")), UUID.fromString(s(h, "film")),
                s(h, "device"), Instant.ofEpochMilli(Long.parseLong(s(h, "started"))), duration,
                Integer.parseInt(s(h, "maxStreams")), s(h, "quality"), (String) h.get("ended"), progress));
    }

    /** Counts one beat; see the class comment. */
    long beat(UUID sessionId, Instant now, int positionSeconds, boolean buffering, String rendition) {
        return redis.execute(BEAT, List.of(key(sessionId), DIRTY), Long.toString(now.toEpochMilli()),
                Integer.toString(positionSeconds), buffering ? "1" : "0", rendition == null ? "" : rendition,
                Long.toString(settings.lease().toMillis()), Long.toString(retention().toMillis()),
                sessionId.toString());
    }

    void markEnded(UUID sessionId, String endedBy) {
        String key = key(sessionId);
        redis.opsForHash().put(key, "ended", endedBy);
        redis.opsForSet().remove(DIRTY, sessionId.toString());
    }

    /** Up to {@code count} sessions with beats not yet written, taken off the list. */
    List<UUID> takeProgressed(int count) {
        List<String> ids = redis.opsForSet().pop(DIRTY, count);
        List<UUID> out = new ArrayList<>();
        if (ids != null) {
            ids.forEach(id -> out.add(UUID.fromString(id)));
        }
        return out;
    }

    /** Puts sessions back on the list (their write failed; the next pass tries again). */
    void stillProgressed(List<UUID> ids) {
        if (!ids.isEmpty()) {
            redis.opsForSet().add(DIRTY, ids.stream().map(UUID::toString).toArray(String[]::new));
        }
    }

    private Duration retention() {
        // long enough for any film and pause; a session quiet for longer has lapsed anyway
        return settings.lease().plus(Duration.ofHours(12));
    }

    private static String s(Map<Object, Object> h, String field) {
        Object v = h.get(field);
        if (v == null) {
            throw new IllegalStateException("playback session state lacks " + field);
        }
        return v.toString();
    }

    private static String key(UUID sessionId) {
        return "playback:session:" + sessionId;
    }
}
