package com.thewans.identity.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import com.thewans.identity.web.Throttled;

/**
 * Failed sign-ins counted in Redis per account name (the email or phone typed, whether or not an
 * account has it, so a lockout says nothing about existence) and per client address. Counting
 * and locking happen in one script, so concurrent failures cannot slip past the limit. Past the
 * limit each failure locks for twice as long as the one before, up to the maximum.
 */
@Component
public class LoginThrottle {

    private static final String PREFIX = "login-throttle:";

    /** The remaining lockout in ms of either key (negative when neither is locked). */
    private static final RedisScript<Long> LOCKED_FOR = RedisScript.of("""
            return math.max(redis.call('PTTL', KEYS[1]), redis.call('PTTL', KEYS[2]))
            """, Long.class);

    /**
     * KEYS: account failures, account lock, address failures, address lock.
     * ARGV: window s, account limit, address limit, first lockout s, longest lockout s.
     */
    private static final RedisScript<Long> RECORD_FAILURE = RedisScript.of("""
            local window = tonumber(ARGV[1])
            local function count(failures, lock, limit)
              local n = redis.call('INCR', failures)
              if n == 1 then redis.call('EXPIRE', failures, window) end
              if n >= limit then
                local seconds = math.min(tonumber(ARGV[4]) * 2 ^ math.min(n - limit, 30), tonumber(ARGV[5]))
                seconds = math.floor(seconds)
                redis.call('SET', lock, '1', 'EX', seconds)
                -- remember the failures at least as long as the lockout, so the next one doubles it
                if redis.call('TTL', failures) < seconds + window then
                  redis.call('EXPIRE', failures, seconds + window)
                end
              end
              return n
            end
            count(KEYS[1], KEYS[2], tonumber(ARGV[2]))
            count(KEYS[3], KEYS[4], tonumber(ARGV[3]))
            return 1
            """, Long.class);

    private final StringRedisTemplate redis;
    private final LoginThrottleSettings settings;

    LoginThrottle(StringRedisTemplate redis, LoginThrottleSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    public void ensureAllowed(String accountKey, String address) {
        Long lockedMs = redis.execute(LOCKED_FOR, List.of(accountLock(accountKey), addressLock(address)));
        if (lockedMs != null && lockedMs > 0) {
            throw new Throttled("too-many-sign-in-attempts",
                    "Too many failed sign-ins; wait before trying again", Duration.ofMillis(lockedMs));
        }
    }

    public void failed(String accountKey, String address) {
        redis.execute(RECORD_FAILURE,
                List.of(accountFailures(accountKey), accountLock(accountKey), addressFailures(address),
                        addressLock(address)),
                String.valueOf(settings.window().toSeconds()), String.valueOf(settings.accountFailures()),
                String.valueOf(settings.ipFailures()), String.valueOf(settings.firstLockout().toSeconds()),
                String.valueOf(settings.maxLockout().toSeconds()));
    }

    /** A correct password clears the account's count; the address keeps its own. */
    public void succeeded(String accountKey) {
        redis.delete(accountFailures(accountKey));
    }

    /**
     * The key an account's failures count under: a hash of the email or phone it signs in with, so a
     * wrong current password on a password change counts against the same limit as a wrong login.
     */
    public static String accountKey(String contact) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(contact.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String accountFailures(String accountKey) {
        return PREFIX + "account:" + accountKey + ":failures";
    }

    private static String accountLock(String accountKey) {
        return PREFIX + "account:" + accountKey + ":locked";
    }

    private static String addressFailures(String address) {
        return PREFIX + "ip:" + address + ":failures";
    }

    private static String addressLock(String address) {
        return PREFIX + "ip:" + address + ":locked";
    }
}
