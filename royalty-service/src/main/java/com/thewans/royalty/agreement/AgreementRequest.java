package com.thewans.royalty.agreement;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A new version of a film's agreement. Periods are months ({@code 2026-12}); {@code effectiveTo}
 * is exclusive and optional (open-ended). {@code shares} split what the waterfall leaves;
 * {@code sharesByKind} overrides them for TRANSACTIONAL, SVOD or AVOD. The PRODUCER is the film's
 * creator and the PLATFORM is THE WANS (neither names a {@code partyId}); each DISTRIBUTOR does.
 */
record AgreementRequest(
        @NotNull UUID filmId,
        @NotNull @Pattern(regexp = "\\d{4}-\\d{2}", message = "must be a month like 2026-12") String effectiveFrom,
        @Pattern(regexp = "\\d{4}-\\d{2}", message = "must be a month like 2026-12") String effectiveTo,
        @NotEmpty @Size(max = 20) List<@Valid @NotNull ShareRequest> shares,
        @Size(max = 3) Map<RevenueKind, @NotEmpty @Size(max = 20) List<@Valid @NotNull ShareRequest>> sharesByKind,
        @Size(max = 10) List<@Valid @NotNull StepRequest> waterfall) {

    record ShareRequest(@NotNull PartyRole role, UUID partyId, @NotNull @Min(0) @Max(10_000) Integer bps) {
    }

    record StepRequest(@NotNull AgreementTerms.StepKind step, @NotNull PartyRole role, UUID partyId,
            @Min(1) @Max(10_000) Integer bps, @Positive Long amount,
            @Pattern(regexp = "PGK|USD", message = "must be PGK or USD") String currency) {
    }
}
