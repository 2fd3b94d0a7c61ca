package com.thewans.advertising.decision;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.thewans.advertising.AdSettings;
import com.thewans.advertising.campaign.DeviceType;
import com.thewans.advertising.tracking.BeaconSigner;

/**
 * The URL of a later break in a VMAP: players fetch it by themselves when the film reaches the break,
 * without the viewer's token, so the URL carries the viewer's context (who, where, on what) signed by
 * advertising, and expires a while after the film could have ended.
 */
@Component
class BreakTokens {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final String PURPOSE = "break";

    /** What a break URL says: the viewer's context, the film, and which break. */
    record Break(ViewerContext viewer, UUID filmId, UUID sessionId, String breakId, Instant expiresAt) {
    }

    private final BeaconSigner signer;
    private final String base;

    BreakTokens(BeaconSigner signer, AdSettings settings) {
        this.signer = signer;
        this.base = settings.publicBaseUrl();
    }

    String url(Break b) {
        ViewerContext v = b.viewer();
        String payload = ENCODE.encodeToString(String.join("~", "1", v.viewerId().toString(), v.territory(),
                v.device().name(), v.zone().getId(), b.filmId().toString(),
                b.sessionId() == null ? "" : b.sessionId().toString(), b.breakId(),
                Long.toString(b.expiresAt().getEpochSecond())).getBytes(StandardCharsets.UTF_8));
        return base + "/api/ads/breaks/" + b.filmId() + "?b=" + payload + "&s=" + signer.sign(PURPOSE, payload);
    }

    Optional<Break> verified(UUID filmId, String payload, String signature, Instant now) {
        if (payload == null || payload.length() > 1000 || !signer.verifies(PURPOSE, payload, signature)) {
            return Optional.empty();
        }
        try {
            String[] p = new String(DECODE.decode(payload), StandardCharsets.UTF_8).split("~", -1);
            if (p.length != 9 || !"1".equals(p[0])) {
                return Optional.empty();
            }
            Break b = new Break(new ViewerContext(UUID.fromString(p[1]), p[2], DeviceType.valueOf(p[3]),
                    ZoneId.of(p[4])), UUID.fromString(p[5]), p[6].isEmpty() ? null : UUID.fromString(p[6]), p[7],
                    Instant.ofEpochSecond(Long.parseLong(p[8])));
            return b.filmId().equals(filmId) && now.isBefore(b.expiresAt()) ? Optional.of(b) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
