package com.thewans.advertising.campaign;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A campaign as admins read it, with its creatives. */
record CampaignView(UUID id, String advertiser, String name, CampaignStatus status, Instant startsAt, Instant endsAt,
        Currency currency, long totalBudget, long dailyBudget, long cpm, int priority, Targeting targeting,
        Integer frequencyCap, long version, Instant createdAt, Instant updatedAt, List<CreativeView> creatives) {

    static CampaignView of(Campaign c, List<Creative> creatives) {
        return new CampaignView(c.id(), c.advertiser(), c.name(), c.status(), c.startsAt(), c.endsAt(), c.currency(),
                c.totalBudget(), c.dailyBudget(), c.cpm(), c.priority(), c.targeting(), c.frequencyCap(), c.version(),
                c.createdAt(), c.updatedAt(), creatives.stream().map(CreativeView::of).toList());
    }
}
