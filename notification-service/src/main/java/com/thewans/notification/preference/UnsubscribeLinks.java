package com.thewans.notification.preference;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import com.thewans.notification.NotificationSettings;
import com.thewans.notification.kind.Category;

/**
 * Signed links that turn one category of email off without signing in: the token names the user
 * and the category and carries an HMAC-SHA256 of both, so nobody can unsubscribe someone else.
 * They do not expire: an old newsletter's link must still work (RFC 8058 mail clients call it
 * whenever the user presses "unsubscribe").
 */
@Component
public class UnsubscribeLinks {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final byte[] key;
    private final String baseUrl;

    UnsubscribeLinks(NotificationSettings settings) {
        this.key = settings.unsubscribeSecret().getBytes(StandardCharsets.UTF_8);
        this.baseUrl = settings.publicUrl().replaceAll("/+$", "") + "/api/notify/unsubscribe?token=";
    }

    public String url(UUID userId, Category category) {
        return baseUrl + token(userId, category);
    }

    String token(UUID userId, Category category) {
        String subject = userId + ":" + category.name();
        return ENCODE.encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "." + ENCODE.encodeToString(mac(subject));
    }

    /** The user and category a token names, or an {@link UnsubscribeLinkInvalid} when it was not signed here. */
    Unsubscription read(String token) {
        try {
            int dot = token == null ? -1 : token.indexOf('.');
            if (dot < 1) {
                throw new UnsubscribeLinkInvalid();
            }
            String subject = new String(DECODE.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(mac(subject), DECODE.decode(token.substring(dot + 1)))) {
                throw new UnsubscribeLinkInvalid();
            }
            int colon = subject.indexOf(':');
            Category category = Category.valueOf(subject.substring(colon + 1));
            if (!category.marketing()) {
                throw new UnsubscribeLinkInvalid();
            }
            return new Unsubscription(UUID.fromString(subject.substring(0, colon)), category);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new UnsubscribeLinkInvalid();
        }
    }

    record Unsubscription(UUID userId, Category category) {
    }

    private byte[] mac(String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(subject.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
