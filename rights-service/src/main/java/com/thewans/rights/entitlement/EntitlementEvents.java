package com.thewans.rights.entitlement;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.thewans.common.events.DomainEvents;

/** entitlement.granted / entitlement.revoked; shapes documented in docs/events.md. */
@Component
class EntitlementEvents {

    static final String GRANTED = "entitlement.granted";
    static final String REVOKED = "entitlement.revoked";

    /** Someone may now watch a film (or, for a subscription, the films of open SVOD windows). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EntitlementGranted(UUID entitlementId, UUID userId, EntitlementKind kind, String source, UUID filmId,
            UUID windowId, UUID transactionId, UUID subscriptionId, Instant validFrom, Instant validUntil,
            Instant startBy) {
    }

    /** Someone may no longer watch under this entitlement: REFUNDED, or an admin's reason. */
    record EntitlementRevoked(UUID entitlementId, UUID userId, EntitlementKind kind, UUID filmId, UUID transactionId,
            String reason) {
    }

    private final DomainEvents events;

    EntitlementEvents(DomainEvents events) {
        this.events = events;
    }

    void granted(EntitlementGranted granted) {
        events.publish(GRANTED, granted);
    }

    void granted(Entitlement e) {
        granted(new EntitlementGranted(e.id(), e.userId(), e.kind(), e.source().name(), e.filmId(), e.windowId(),
                e.transactionId(), e.subscriptionId(), e.validFrom(), e.validUntil(), e.startBy()));
    }

    void revoked(EntitlementRevoked revoked) {
        events.publish(REVOKED, revoked);
    }

    void revoked(Entitlement e) {
        revoked(new EntitlementRevoked(e.id(), e.userId(), e.kind(), e.filmId(), e.transactionId(),
                e.revokeReason()));
    }
}
