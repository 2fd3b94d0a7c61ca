package com.thewans.advertising.tracking;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The Redis hash of counts not yet in PostgreSQL: one field per row of ad_impressions and column
 * ({@code campaign|creative|film|hourEpoch|territory|currency|cpm|column}), HINCRBY'd by serving and
 * by beacons, moved away whole by the flush (RENAME), so no count is read twice or lost.
 */
public final class PendingCounts {

    public static final String KEY = "ads:counts:pending";
    static final String FLUSHING_PREFIX = "ads:counts:flushing:";

    private PendingCounts() {
    }

    public static String field(ServedAd ad, Instant hourStart, String column) {
        return String.join("|", ad.campaignId().toString(), ad.creativeId().toString(), ad.filmId().toString(),
                Long.toString(hourStart.getEpochSecond()), ad.territory(), ad.currency(), Long.toString(ad.cpm()),
                column);
    }

    /** One parsed field: which row and column, by how much. */
    record Count(UUID campaignId, UUID creativeId, UUID filmId, Instant hourStart, String territory, String currency,
            long cpm, String column, long amount) {

        static Optional<Count> parse(String field, String value) {
            String[] p = field.split("\\|", -1);
            if (p.length != 8) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Count(UUID.fromString(p[0]), UUID.fromString(p[1]), UUID.fromString(p[2]),
                        Instant.ofEpochSecond(Long.parseLong(p[3])), p[4], p[5], Long.parseLong(p[6]), p[7],
                        Long.parseLong(value)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
