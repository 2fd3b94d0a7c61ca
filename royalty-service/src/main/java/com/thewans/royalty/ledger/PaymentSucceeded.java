package com.thewans.royalty.ledger;

import java.util.Objects;
import java.util.UUID;

import com.thewans.royalty.agreement.RevenueKind;

/**
 * payment.succeeded data, royalty's own view of it. {@code taxAmount} (the GST the payment
 * contains) and {@code territory} (the buyer's) were added to the event for royalty; an event
 * without them is read as tax-free and of unknown territory.
 */
record PaymentSucceeded(UUID transactionId, String kind, UUID filmId, long amount, String currency,
        Long taxAmount, String territory) {

    PaymentSucceeded {
        Objects.requireNonNull(transactionId, "payment.succeeded lacks transactionId");
        Objects.requireNonNull(kind, "payment.succeeded lacks kind");
        Objects.requireNonNull(currency, "payment.succeeded lacks currency");
        taxAmount = taxAmount == null ? 0 : taxAmount;
        if (taxAmount < 0 || taxAmount > amount) {
            throw new IllegalArgumentException("payment.succeeded has taxAmount " + taxAmount + " of " + amount);
        }
        if (!"SUBSCRIPTION".equals(kind) && filmId == null) {
            throw new IllegalArgumentException("payment.succeeded of kind " + kind + " lacks filmId");
        }
        if (!currency.equals("PGK") && !currency.equals("USD")) {
            throw new IllegalArgumentException("payment.succeeded in " + currency);
        }
    }

    /** SUBSCRIPTION feeds the SVOD pool; RENTAL, PURCHASE, PPV_TICKET and COLLECTOR are sales of the film. */
    RevenueKind revenueKind() {
        return "SUBSCRIPTION".equals(kind) ? RevenueKind.SVOD : RevenueKind.TRANSACTIONAL;
    }
}
