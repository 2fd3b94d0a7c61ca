package com.thewans.rights.window;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A release window as the admin console sees it. */
public record WindowView(UUID id, UUID filmId, WindowType type, WindowStatus status, boolean worldwide,
        List<String> territories, List<String> excludedTerritories, Instant startsAt, Instant endsAt,
        boolean exclusive, RelativeStart startsRelativeTo, List<Price> prices, RentalTerms rental, PpvEvent ppv,
        Integer editionSize, String cancelReason, long version, Instant createdAt, Instant updatedAt) {

    static WindowView of(ReleaseWindow w) {
        TerritoryScope scope = w.scope();
        return new WindowView(w.id(), w.filmId(), w.type(), w.status(), scope.worldwide(), scope.sortedTerritories(),
                scope.sortedExcluded(), w.startsAt(), w.endsAt(), w.exclusive(),
                w.anchorWindowId() == null ? null : new RelativeStart(w.anchorWindowId(), w.anchorOffsetDays()),
                w.priceList(), w.rentalTerms(), w.ppvEvent(), w.editionSize(), w.cancelReason(), w.version(),
                w.createdAt(), w.updatedAt());
    }
}
