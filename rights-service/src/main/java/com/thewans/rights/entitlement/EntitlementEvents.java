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

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Granted(UUID entitlementId, UUID userId, EntitlementKind kind, String source, UUID filmId, UUID windowId,
            UUID transactionId, UUID subscriptionId, Instant validFrom, Instant validUntil, Instant startBy) {
    }

    record Revoked(UUID entitlementId, UUID userId, EntitlementKind kind, UUID filmId, UUID transactionId,
            String reason) {
    }

    private final DomainEvents events;

    EntitlementEvents(DomainEvents events) {
        this.events = events;
    }

    void granted(Granted granted) {
        events.publish(GRANTED, granted);
    }

    void granted(Entitlement e) {
        granted(new Granted(e.id(), e.userId(), e.kind(), e.source().name(), e.filmId(), e.windowId(),
                e.transactionId(), e.subscriptionId(), e.validFrom(), e.validUntil(), e.startBy()));
    }

    void revoked(Revoked revoked) {
        events.publish(REVOKED, revoked);
    }
}
