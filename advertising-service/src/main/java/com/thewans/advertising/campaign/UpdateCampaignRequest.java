package com.thewans.advertising.campaign;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/** An admin's edit of a campaign: only the fields given change (currency and start stay). */
record UpdateCampaignRequest(@Size(min = 1, max = 160) String name, Instant endsAt, Long totalBudget,
        Long dailyBudget, Long cpm, Integer priority, @Valid TargetingRequest targeting, Integer frequencyCap) {
}
