package com.thewans.identity.verification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.identity.account.Contact;
import com.thewans.identity.account.ContactChannel;
import com.thewans.identity.signing.MasterKey;

/**
 * Issues and checks one-time codes: six digits for an SMS (typed on a phone), a long random
 * token for an email (clicked in a link). Stored as HMAC-SHA256 under a key derived from
 * identity's master key, so a copy of the table does not let anyone try the million six-digit
 * codes offline.
 */
@Component
class OneTimeCodes {

    record Issued(String code, Instant expiresAt) {

        @Override
        public String toString() {
            return "Issued[until " + expiresAt + "]";
        }
    }

    private static final RedisScript<Long> COUNT_REQUEST = RedisScript.of("""
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
            return n
            """, Long.class);

    private final OneTimeCodeRepository codes;
    private final StringRedisTemplate redis;
    private final CodeSettings settings;
    private final Clock clock;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    OneTimeCodes(OneTimeCodeRepository codes, StringRedisTemplate redis, CodeSettings settings, Clock clock,
            MasterKey masterKey) {
        this.codes = codes;
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
        this.hashKey = new SecretKeySpec(masterKey.derive("one-time-codes"), "HmacSHA256");
    }

    /** False once the account has asked for too many codes of this kind lately. */
    boolean withinRequestQuota(UUID userId, CodePurpose purpose, ContactChannel channel) {
        Long count = redis.execute(COUNT_REQUEST,
                List.of("one-time-code-requests:" + purpose + ":" + channel + ":" + userId),
                String.valueOf(settings.requestWindow().toSeconds()));
        return count != null && count <= settings.requestsPerWindow();
    }

    /** A new code; any earlier open code of the same kind stops working. */
    @Transactional(propagation = Propagation.MANDATORY)
    Issued issue(UUID userId, CodePurpose purpose, Contact destination) {
        Instant now = clock.instant();
        codes.lockOpen(userId, purpose, destination.channel()).forEach(c -> c.supersede(now));
        String code = destination.channel() == ContactChannel.SMS ? sixDigits() : longToken();
        Instant expiresAt = now.plus(settings.ttl());
        codes.save(new OneTimeCode(userId, purpose, destination.channel(), destination.value(), hash(code),
                settings.maxAttempts(), now, expiresAt));
        return new Issued(code, expiresAt);
    }

    /** Whether the code is the open code of this kind for this destination; a wrong one costs an attempt. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean redeem(UUID userId, CodePurpose purpose, Contact destination, String code) {
        Instant now = clock.instant();
        byte[] presented = hash(code);
        boolean redeemed = false;
        for (OneTimeCode open : codes.lockOpen(userId, purpose, destination.channel())) {
            if (open.destination().equals(destination.value()) && open.attempt(presented, now)) {
                redeemed = true;
            }
        }
        return redeemed;
    }

    private String sixDigits() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    private String longToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private byte[] hash(String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return mac.doFinal(code.strip().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
