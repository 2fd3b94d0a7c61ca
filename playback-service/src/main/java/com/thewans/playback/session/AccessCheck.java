package com.thewans.playback.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Our own view of rights' answer to "may this viewer watch this film here now" (tolerant reader):
 * {@code via} is an entitlement kind (RENTAL, PURCHASE, SUBSCRIPTION, PPV_TICKET, FESTIVAL_PASS,
 * COLLECTOR, COMPLIMENTARY) or AVOD; {@code startBy} is set for a rental not started yet.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record AccessCheck(boolean allowed, boolean withAds, String via, UUID windowId, UUID entitlementId, Instant until,
        Instant startBy, List<Reason> reasons) {

    /** Codes rights gives when nothing can be streamed here at all, whatever the viewer buys. */
    static final String NO_WINDOW_IN_TERRITORY = "NO_WINDOW_IN_TERRITORY";

    AccessCheck {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reason(String code, String detail, UUID windowId) {
    }

    boolean unstartedRental() {
        return "RENTAL".equals(via) && startBy != null && entitlementId != null;
    }

    /** Nothing is offered in this territory: the refusal is about where the viewer is, not what they hold. */
    boolean territoryRefused() {
        return reasons.stream().anyMatch(r -> NO_WINDOW_IN_TERRITORY.equals(r.code()));
    }
}
