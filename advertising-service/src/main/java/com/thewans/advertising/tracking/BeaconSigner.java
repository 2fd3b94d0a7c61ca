package com.thewans.advertising.tracking;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import com.thewans.advertising.AdSettings;

/**
 * HMAC-SHA256 over what a URL carries (a beacon's event and payload, an ad break's context),
 * truncated to 128 bits, which is plenty against forgery and keeps player URLs short.
 */
@Component
public class BeaconSigner {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private final SecretKeySpec key;

    BeaconSigner(AdSettings settings) {
        this.key = new SecretKeySpec(settings.beaconKey(), "HmacSHA256");
    }

    public String sign(String purpose, String payload) {
        return URL.encodeToString(Arrays.copyOf(mac(purpose + "." + payload), 16));
    }

    /** Constant-time, so a forger learns nothing from how long a refusal took. */
    public boolean verifies(String purpose, String payload, String signature) {
        if (signature == null || payload == null) {
            return false;
        }
        return MessageDigest.isEqual(sign(purpose, payload).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
