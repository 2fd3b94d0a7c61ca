package com.thewans.advertising.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Service;

import com.thewans.common.problem.DependencyUnavailable;

/**
 * Counting what players report. A beacon counts when its signature holds for its event, its ad has not
 * expired, and its serving id has not reported that event before; then, in one Lua script, the
 * serving id is marked and the event added to the pending counts (a Redis hash the flush moves to
 * PostgreSQL in batches). So a beacon costs one Redis round trip, never a database row.
 */
@Service
public class Beacons {

    /** Marks the serving id's event (SET NX with a TTL) and, only if it was new, adds one to its count. */
    private static final RedisScript<Long> COUNT_ONCE = RedisScript.of("""
            if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
              redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
              return 1
            end
            return 0""", Long.class);
    private static final Base64.Decoder URL = Base64.getUrlDecoder();

    private final StringRedisTemplate redis;
    private final BeaconSigner signer;
    private final Clock clock;

    Beacons(StringRedisTemplate redis, BeaconSigner signer, Clock clock) {
        this.redis = redis;
        this.signer = signer;
        this.clock = clock;
    }

    public enum Outcome {
        COUNTED, REPEATED, NOT_COUNTED, REFUSED
    }

    /** Checks and counts one beacon; REFUSED covers forged, malformed and expired alike (the caller says no more). */
    public Outcome record(BeaconEvent event, String token) {
        Optional<ServedAd> ad = verified(event, token);
        if (ad.isEmpty()) {
            return Outcome.REFUSED;
        }
        if (event.column() == null) {
            return Outcome.NOT_COUNTED;
        }
        Instant now = clock.instant();
        ServedAd served = ad.get();
        long ttl = Math.max(60, Duration.between(now, served.expiresAt()).toSeconds() + 3600);
        try {
            Long counted = redis.execute(COUNT_ONCE, List.of("ads:seen:" + served.servingId() + ":" + event.vastName(),
                    PendingCounts.KEY), Long.toString(ttl), PendingCounts.field(served, now.truncatedTo(
                            ChronoUnit.HOURS), event.column()));
            return counted != null && counted == 1 ? Outcome.COUNTED : Outcome.REPEATED;
        } catch (DataAccessException e) {
            throw new DependencyUnavailable("ad tracking store", e);
        }
    }

    private Optional<ServedAd> verified(BeaconEvent event, String token) {
        if (token == null || token.length() > 1000) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        if (!signer.verifies(event.vastName(), payload, token.substring(dot + 1))) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(URL.decode(payload), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return ServedAd.parse(decoded).filter(ad -> clock.instant().isBefore(ad.expiresAt()));
    }
}
