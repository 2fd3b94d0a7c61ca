package com.thewans.advertising.tracking;

import java.time.Instant;
import java.util.UUID;

/**
 * One ad as served: the serving id VAST names in {@code AdServingId} and every beacon carries, and
 * what its counts are kept under (campaign, creative, film, territory, price). {@code expiresAt} is
 * when its beacons stop counting.
 */
public record ServedAd(UUID servingId, UUID campaignId, UUID creativeId, UUID filmId, String territory,
        String currency, long cpm, Instant expiresAt) {

    private static final String SEPARATOR = "~";

    String payload() {
        return String.join(SEPARATOR, "1", servingId.toString(), campaignId.toString(), creativeId.toString(),
                filmId.toString(), territory, currency, Long.toString(cpm), Long.toString(expiresAt.getEpochSecond()));
    }

    /** The payload back; empty for anything that is not one (a forged URL may carry any text). */
    static java.util.Optional<ServedAd> parse(String payload) {
        String[] p = payload.split(SEPARATOR, -1);
        if (p.length != 9 || !"1".equals(p[0])) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new ServedAd(UUID.fromString(p[1]), UUID.fromString(p[2]),
                    UUID.fromString(p[3]), UUID.fromString(p[4]), p[5], p[6], Long.parseLong(p[7]),
                    Instant.ofEpochSecond(Long.parseLong(p[8]))));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
