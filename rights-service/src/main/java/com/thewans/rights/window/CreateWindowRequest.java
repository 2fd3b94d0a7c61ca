package com.thewans.rights.window;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A new release window. Either {@code startsAt} or {@code startsRelativeTo}; {@code endsAt} is
 * optional (open-ended). Terms depend on the type: prices for PVOD/PPV/TVOD/COLLECTOR, rental
 * terms for TVOD, the event for PPV, the edition size for COLLECTOR.
 */
public record CreateWindowRequest(
        @NotNull UUID filmId,
        @NotNull WindowType type,
        Boolean worldwide,
        @Size(max = 250) List<String> territories,
        @Size(max = 250) List<String> excludedTerritories,
        Instant startsAt,
        @Valid RelativeStart startsRelativeTo,
        Instant endsAt,
        Boolean exclusive,
        @Size(max = 10) List<@Valid @NotNull PriceRequest> prices,
        @Valid RentalTerms rental,
        @Valid PpvEvent ppv,
        @Positive @Max(1_000_000) Integer editionSize) {
}
