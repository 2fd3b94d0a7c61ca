package com.thewans.identity.wallet;

import java.security.SecureRandom;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * One-time nonces for sign-in messages, in Redis with a short lifetime. Using one deletes it:
 * DEL is atomic, so of two sign-ins presenting the same nonce exactly one gets a 1 back.
 */
@Component
class WalletNonces {

    private static final String PREFIX = "siwe-nonce:";
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final StringRedisTemplate redis;
    private final WalletSettings settings;
    private final SecureRandom random = new SecureRandom();

    WalletNonces(StringRedisTemplate redis, WalletSettings settings) {
        this.redis = redis;
        this.settings = settings;
    }

    /** 22 letters and digits: about 130 bits, beyond EIP-4361's minimum of 8 characters. */
    String issue() {
        char[] nonce = new char[22];
        for (int i = 0; i < nonce.length; i++) {
            nonce[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        String value = new String(nonce);
        redis.opsForValue().set(PREFIX + value, "1", settings.nonceTtl());
        return value;
    }

    /** True exactly once for a nonce this service issued and that has not expired. */
    boolean consume(String nonce) {
        return Boolean.TRUE.equals(redis.delete(PREFIX + nonce));
    }
}
