package com.thewans.rights.entitlement;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An entitlement as its holder (or an admin) sees it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EntitlementView(UUID id, UUID userId, EntitlementKind kind, String source, String status, UUID filmId,
        UUID windowId, UUID transactionId, UUID subscriptionId, Instant validFrom, Instant validUntil,
        Instant startBy, Integer watchHours, Instant startedAt, Instant grantedAt, boolean usableNow,
        Instant revokedAt, String revokeReason) {

    static EntitlementView of(Entitlement e, Instant now) {
        return new EntitlementView(e.id(), e.userId(), e.kind(), e.source().name(), e.status().name(), e.filmId(),
                e.windowId(), e.transactionId(), e.subscriptionId(), e.validFrom(), e.validUntil(), e.startBy(),
                e.watchHours(), e.startedAt(), e.grantedAt(), e.usableAt(now), e.revokedAt(), e.revokeReason());
    }
}
