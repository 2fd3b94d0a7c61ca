package com.thewans.rights.window;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A change to a window: every field that is present replaces the current value, absent fields
 * stay. {@code openEnded: true} removes the end. Film and type never change (cancel and create
 * instead).
 */
public record UpdateWindowRequest(
        Boolean worldwide,
        @Size(max = 250) List<String> territories,
        @Size(max = 250) List<String> excludedTerritories,
        Instant startsAt,
        @Valid RelativeStart startsRelativeTo,
        Instant endsAt,
        Boolean openEnded,
        Boolean exclusive,
        @Size(max = 10) List<@Valid @NotNull PriceRequest> prices,
        @Valid RentalTerms rental,
        @Valid PpvEvent ppv,
        @Positive @Max(1_000_000) Integer editionSize) {
}
