package com.thewans.playback.session;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

import com.thewans.playback.PlaybackSettings;

/**
 * Short-lived, signed playback tokens (PeerTube's private video file tokens): they go in the URLs
 * playback hands out, so players that cannot add headers (Safari's native HLS, smart TVs) fetch
 * playlists and keys too. A token is bound to user, film, session and device; what it opens is
 * checked against the live session on every use, so a stopped or lapsed session's tokens open
 * nothing even before they expire. Format: {@code base64url(v1|session|user|film|device|exp)} dot
 * {@code base64url(HMAC-SHA256)}.
 */
@Component
public class PlaybackTokens {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
    private static final int MAX_LENGTH = 512;

    private final SecretKeySpec key;
    private final Clock clock;
    private final PlaybackSettings settings;

    PlaybackTokens(PlaybackSettings settings, Clock clock) {
        this.key = new SecretKeySpec(settings.tokenKey(), "HmacSHA256");
        this.settings = settings;
        this.clock = clock;
    }

    PlaybackToken issue(UUID sessionId, UUID userId, UUID filmId, String deviceId) {
        return new PlaybackToken(sessionId, userId, filmId, deviceId, clock.instant().plus(settings.tokenTtl()));
    }

    String sign(PlaybackToken token) {
        String payload = String.join("|", "v1", token.sessionId().toString(), token.userId().toString(),
                token.filmId().toString(), token.deviceId(), Long.toString(token.expiresAt().getEpochSecond()));
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        return B64.encodeToString(body) + "." + B64.encodeToString(mac(body));
    }

    /** The token's claims if it is ours and unexpired; the live session is the caller's to check. */
    public PlaybackToken verify(String token) {
        if (token == null || token.isBlank()) {
            throw PlaybackTokenRefused.invalid("missing");
        }
        int dot = token.indexOf('.');
        if (token.length() > MAX_LENGTH || dot < 1 || dot != token.lastIndexOf('.')) {
            throw PlaybackTokenRefused.invalid("malformed");
        }
        byte[] body;
        byte[] signature;
        try {
            body = UNB64.decode(token.substring(0, dot));
            signature = UNB64.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw PlaybackTokenRefused.invalid("malformed");
        }
        if (!MessageDigest.isEqual(mac(body), signature)) {
            throw PlaybackTokenRefused.invalid("not one we signed");
        }
        String[] parts = new String(body, StandardCharsets.UTF_8).split("\\|", -1);
        if (parts.length != 6 || !"v1".equals(parts[0])) {
            throw PlaybackTokenRefused.invalid("malformed");
        }
        PlaybackToken claims = new PlaybackToken(UUID.fromString(parts[1]), UUID.fromString(parts[2]),
                UUID.fromString(parts[3]), parts[4], Instant.ofEpochSecond(Long.parseLong(parts[5])));
        if (!clock.instant().isBefore(claims.expiresAt())) {
            throw PlaybackTokenRefused.invalid("expired");
        }
        return claims;
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
