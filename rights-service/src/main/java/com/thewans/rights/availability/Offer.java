package com.thewans.rights.availability;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.thewans.rights.window.PpvEvent;
import com.thewans.rights.window.Price;
import com.thewans.rights.window.RentalTerms;
import com.thewans.rights.window.WindowType;

/** Something a viewer can do with the film through one open window. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Offer(UUID windowId, WindowType windowType, OfferKind offer, boolean streamable, List<Price> prices,
        RentalTerms rental, PpvEvent ppv, Integer editionSize, Instant startsAt, Instant endsAt) {
}
