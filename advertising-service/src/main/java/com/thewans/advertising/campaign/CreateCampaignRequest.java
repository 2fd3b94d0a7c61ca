package com.thewans.advertising.campaign;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new campaign as an admin writes it. Budgets and CPM are minor units of {@code currency} (toea
 * for PGK, cents for USD); {@code frequencyCap} is ads of the campaign per viewer per day.
 * Money rules (positive amounts, daily not above total) are checked by {@link CampaignTerms}.
 */
record CreateCampaignRequest(@NotBlank @Size(max = 120) String advertiser, @NotBlank @Size(max = 160) String name,
        @NotNull Instant startsAt, @NotNull Instant endsAt, @NotNull Currency currency, @NotNull Long totalBudget,
        @NotNull Long dailyBudget, @NotNull Long cpm, Integer priority, @Valid TargetingRequest targeting,
        Integer frequencyCap) {
}
