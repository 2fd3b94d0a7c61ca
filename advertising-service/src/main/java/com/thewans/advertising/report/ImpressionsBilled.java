package com.thewans.advertising.report;

import java.time.Instant;
import java.util.UUID;

/**
 * ad.impressions_billed (version 1): the revenue of one film's billable impressions in one hour and
 * currency, for royalty-service to share with the film's creators. {@code billingId} is a name-based
 * UUID of film, hour and currency, so consumers dedupe on it.
 */
record ImpressionsBilled(UUID billingId, UUID filmId, Instant hourStart, Instant hourEnd, String currency, long amount,
        long impressions) {
}
