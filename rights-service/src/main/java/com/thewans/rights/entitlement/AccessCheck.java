package com.thewans.rights.entitlement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * May this user watch this film in this territory now, under what, until when, and if not, why.
 *
 * @param via     what allows it: an entitlement kind, or AVOD (free with ads)
 * @param until   when this permission ends (null: open-ended)
 * @param startBy for a rental not started yet: the last moment to start watching
 * @param reasons why not (empty when allowed), one per thing the viewer could do about it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccessCheck(UUID userId, UUID filmId, String territory, Instant checkedAt, boolean allowed,
        boolean withAds, String via, UUID windowId, UUID entitlementId, Instant until, Instant startBy,
        List<Reason> reasons) {

    public record Reason(String code, String detail, UUID windowId) {
    }
}
