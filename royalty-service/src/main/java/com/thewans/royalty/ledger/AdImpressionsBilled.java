package com.thewans.royalty.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** advertising-service's ad.impressions_billed: one hour of a film's billed impressions (AVOD revenue). */
record AdImpressionsBilled(UUID billingId, UUID filmId, Instant hourStart, Instant hourEnd, String currency,
        long amount, long impressions) {

    AdImpressionsBilled {
        Objects.requireNonNull(billingId, "ad.impressions_billed lacks billingId");
        Objects.requireNonNull(filmId, "ad.impressions_billed lacks filmId");
        Objects.requireNonNull(hourStart, "ad.impressions_billed lacks hourStart");
        if (!"PGK".equals(currency) && !"USD".equals(currency)) {
            throw new IllegalArgumentException("ad.impressions_billed in " + currency);
        }
    }
}
