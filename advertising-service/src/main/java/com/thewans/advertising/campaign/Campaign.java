package com.thewans.advertising.campaign;

import java.time.Instant;
import java.util.UUID;

/**
 * An advertiser's campaign: its flight, budgets (total and daily, in minor units of its currency),
 * its price per thousand impressions (CPM, minor units), its priority (10 beats 1), who it targets and
 * how often one viewer may see it a day. State changes are the named transitions of {@link Campaigns}.
 */
public record Campaign(UUID id, String advertiser, String name, CampaignStatus status, Instant startsAt,
        Instant endsAt, Currency currency, long totalBudget, long dailyBudget, long cpm, int priority,
        Targeting targeting, Integer frequencyCap, long version, Instant createdAt, Instant updatedAt) {

    /** Whether its flight covers this instant. */
    public boolean flying(Instant at) {
        return !at.isBefore(startsAt) && at.isBefore(endsAt);
    }
}
