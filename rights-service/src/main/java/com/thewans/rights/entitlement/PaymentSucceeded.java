package com.thewans.rights.entitlement;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * payment.succeeded data, rights' own small view of it (tolerant reader: amount, currency and
 * provider are not read). A payment without its transaction, payer or a kind rights knows cannot
 * be granted, so it is refused here and the event is retried, then dead-lettered.
 */
record PaymentSucceeded(UUID transactionId, UUID userId, EntitlementKind kind, UUID filmId, UUID windowId,
        UUID subscriptionId, Instant periodEnd) {

    PaymentSucceeded {
        Objects.requireNonNull(transactionId, "payment.succeeded lacks transactionId");
        Objects.requireNonNull(userId, "payment.succeeded lacks userId");
        Objects.requireNonNull(kind, "payment.succeeded lacks kind");
    }
}
