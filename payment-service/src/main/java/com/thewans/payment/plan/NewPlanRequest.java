package com.thewans.payment.plan;

import java.util.List;

import com.thewans.payment.web.Money;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A plan an admin adds: at most one price per currency. */
record NewPlanRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
                message = "must be lower-case words joined by hyphens") String code,
        @NotBlank @Size(max = 80) String name,
        @Size(max = 500) String description,
        @NotNull Plan.BillingInterval interval,
        @Min(0) @Max(90) int trialDays,
        @Min(1) @Max(10) int maxStreams,
        @NotNull @Pattern(regexp = "^(480p|720p|1080p|2160p)$", message = "must be 480p, 720p, 1080p or 2160p")
        String maxQuality,
        boolean withAds,
        @NotEmpty @Size(max = 2) List<@Valid @NotNull Money> prices) {
}
