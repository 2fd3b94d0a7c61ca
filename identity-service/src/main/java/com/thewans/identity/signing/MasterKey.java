package com.thewans.identity.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * identity's one configured secret (IDENTITY_KEY_ENCRYPTION_KEY, 32 bytes in base64). Nothing
 * uses it directly: each purpose gets its own key derived from it (HMAC-SHA256 of the purpose
 * name), so the key that encrypts signing keys is never the one that hashes one-time codes.
 */
@Component
public class MasterKey {

    /** LOCAL DEVELOPMENT DEFAULT ONLY ("dev-only-key-encryption-key-32b!"); never use it anywhere real. */
    static final String LOCAL_DEVELOPMENT_DEFAULT = "ZGV2LW9ubHkta2V5LWVuY3J5cHRpb24ta2V5LTMyYiE=";
    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private final byte[] key;

    public MasterKey(@Value("${wans.identity.key-encryption-key}") String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("IDENTITY_KEY_ENCRYPTION_KEY must be base64", e);
        }
        if (decoded.length != 32) {
            throw new IllegalStateException("IDENTITY_KEY_ENCRYPTION_KEY must be 32 bytes (256 bits) in base64");
        }
        if (LOCAL_DEVELOPMENT_DEFAULT.equals(base64.strip())) {
            log.warn("identity is using the LOCAL DEVELOPMENT key-encryption key; set IDENTITY_KEY_ENCRYPTION_KEY");
        }
        this.key = decoded;
    }

    /** A 256-bit key for one purpose, the same on every instance and every start. */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("wans-identity:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
