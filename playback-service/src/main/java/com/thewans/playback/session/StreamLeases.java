package com.thewans.playback.session;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import com.thewans.playback.PlaybackSettings;

/**
 * The viewer's concurrent-stream slots, in Redis: a sorted set of devices scored by when their lease
 * lapses, and a hash of which session (film, start) holds each device's slot. Every change is one
 * Lua script, so two devices starting at once for the last slot cannot both get it. A device plays
 * one stream: starting again on it (a seek or quality switch that restarts, a new film) takes over
 * its own slot. Times are the service clock's, so tests move them.
 *
 * <p>If Redis loses the slots (a restart), a playing session's next heartbeat takes its slot back
 * only if the plan has room, so a viewer can exceed the limit for one lease at most.
 */
@Component
class StreamLeases {

    /** {1, previous holder of this device's slot or ''} or {0, device, holder, device, holder, ...}. */
    private static final RedisScript<List> TAKE = RedisScript.of("""
            local now, lapse, device, holder, max, ttl = tonumber(ARGV[1]), ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]), ARGV[6]
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            if not redis.call('ZSCORE', KEYS[1], device) and redis.call('ZCARD', KEYS[1]) >= max then
              local out = {0}
              for _, d in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
                out[#out + 1] = d
                out[#out + 1] = redis.call('HGET', KEYS[2], d) or ''
              end
              return out
            end
            local previous = redis.call('HGET', KEYS[2], device) or ''
            redis.call('ZADD', KEYS[1], lapse, device)
            redis.call('HSET', KEYS[2], device, holder)
            redis.call('PEXPIRE', KEYS[1], ttl)
            redis.call('PEXPIRE', KEYS[2], ttl)
            return {1, previous}
            """, List.class);

    /**
     * 1 renewed; 2 taken back (the lease had gone, the plan has room); 0 lapsed and the plan is full;
     * -1 the device's slot belongs to a later session.
     */
    private static final RedisScript<Long> RENEW = RedisScript.of("""
            local now, lapse, device, holder, max, ttl = tonumber(ARGV[1]), ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]), ARGV[6]
            local sid = ARGV[7]
            local current = redis.call('HGET', KEYS[2], device)
            if current and string.sub(current, 1, 36) ~= sid then
              local score = redis.call('ZSCORE', KEYS[1], device)
              if score and tonumber(score) > now then return -1 end
            end
            local score = redis.call('ZSCORE', KEYS[1], device)
            if current and string.sub(current, 1, 36) == sid and score and tonumber(score) > now then
              redis.call('ZADD', KEYS[1], lapse, device)
              redis.call('PEXPIRE', KEYS[1], ttl)
              redis.call('PEXPIRE', KEYS[2], ttl)
              return 1
            end
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
            if redis.call('ZCARD', KEYS[1]) >= max then return 0 end
            redis.call('ZADD', KEYS[1], lapse, device)
            redis.call('HSET', KEYS[2], device, holder)
            redis.call('PEXPIRE', KEYS[1], ttl)
            redis.call('PEXPIRE', KEYS[2], ttl)
            return 2
            """, Long.class);

    private static final RedisScript<Long> ALIVE = RedisScript.of("""
            local current = redis.call('HGET', KEYS[2], ARGV[2])
            if not current or string.sub(current, 1, 36) ~= ARGV[3] then return 0 end
            local score = redis.call('ZSCORE', KEYS[1], ARGV[2])
            if score and tonumber(score) > tonumber(ARGV[1]) then return 1 end
            return 0
            """, Long.class);

    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            local current = redis.call('HGET', KEYS[2], ARGV[1])
            if not current or string.sub(current, 1, 36) ~= ARGV[2] then return 0 end
            redis.call('ZREM', KEYS[1], ARGV[1])
            redis.call('HDEL', KEYS[2], ARGV[1])
            return 1
            """, Long.class);

    /** What {@link #take} found. */
    record Taken(boolean won, UUID replacedSession, List<ActiveStream> playing) {
    }

    enum Renewal { RENEWED, TAKEN_BACK, LAPSED, REPLACED }

    private final StringRedisTemplate redis;
    private final PlaybackSettings settings;

    StreamLeases(StringRedisTemplate redis, PlaybackSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    Taken take(UUID userId, String deviceId, UUID sessionId, UUID filmId, Instant now, int maxStreams) {
        List<?> answer = redis.execute(TAKE, keys(userId), args(now, deviceId, holder(sessionId, filmId, now),
                maxStreams).toArray());
        if (((Number) answer.get(0)).longValue() == 1) {
            String previous = String.valueOf(answer.get(1));
            return new Taken(true, previous.length() >= 36 ? UUID.fromString(previous.substring(0, 36)) : null,
                    List.of());
        }
        List<ActiveStream> playing = new ArrayList<>();
        for (int i = 1; i + 1 < answer.size(); i += 2) {
            String[] holder = String.valueOf(answer.get(i + 1)).split("\\|");
            playing.add(holder.length == 3
                    ? new ActiveStream(UUID.fromString(holder[0]), UUID.fromString(holder[1]),
                            String.valueOf(answer.get(i)), null, Instant.ofEpochMilli(Long.parseLong(holder[2])))
                    : new ActiveStream(null, null, String.valueOf(answer.get(i)), null, null));
        }
        return new Taken(false, null, playing);
    }

    Renewal renew(UUID userId, String deviceId, UUID sessionId, UUID filmId, Instant startedAt, Instant now,
            int maxStreams) {
        List<String> args = new ArrayList<>(args(now, deviceId, holder(sessionId, filmId, startedAt), maxStreams));
        args.add(sessionId.toString());
        long answer = redis.execute(RENEW, keys(userId), args.toArray());
        return answer == 1 ? Renewal.RENEWED : answer == 2 ? Renewal.TAKEN_BACK : answer == 0 ? Renewal.LAPSED
                : Renewal.REPLACED;
    }

    boolean alive(UUID userId, String deviceId, UUID sessionId, Instant now) {
        return redis.execute(ALIVE, keys(userId), Long.toString(now.toEpochMilli()), deviceId,
                sessionId.toString()) == 1;
    }

    void release(UUID userId, String deviceId, UUID sessionId) {
        redis.execute(RELEASE, keys(userId), deviceId, sessionId.toString());
    }

    Instant lapsesAt(Instant now) {
        return now.plus(settings.lease());
    }

    private List<String> keys(UUID userId) {
        // one hash slot per viewer, so the scripts work on Redis Cluster too
        return List.of("playback:{" + userId + "}:streams", "playback:{" + userId + "}:holders");
    }

    private List<String> args(Instant now, String deviceId, String holder, int maxStreams) {
        // the keys themselves outlive every lease by a margin in real time; lapsing is by score
        long ttl = settings.lease().plus(Duration.ofHours(1)).toMillis();
        return List.of(Long.toString(now.toEpochMilli()), Long.toString(lapsesAt(now).toEpochMilli()), deviceId,
                holder, Integer.toString(maxStreams), Long.toString(ttl));
    }

    private static String holder(UUID sessionId, UUID filmId, Instant startedAt) {
        return sessionId + "|" + filmId + "|" + startedAt.toEpochMilli();
    }
}
