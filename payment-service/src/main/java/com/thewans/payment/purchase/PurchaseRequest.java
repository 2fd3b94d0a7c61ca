package com.thewans.payment.purchase;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A viewer buys a film the way one of its offers allows. No price: the service asks rights-service
 * for it. With {@code card.paymentMethod} (a saved card, or a Stripe test method such as
 * {@code pm_card_visa}) the payment is confirmed at once; without it the answer carries the client
 * secret the web app confirms with Stripe.js.
 */
record PurchaseRequest(
        @NotNull UUID filmId,
        @NotNull Kind kind,
        @NotNull @Pattern(regexp = "^(PGK|USD)$", message = "must be PGK or USD") String currency,
        @Valid Card card,
        @Size(max = 40) String coupon) {

    /** What can be bought from a film's offers (subscriptions have their own endpoint). */
    enum Kind {
        RENTAL, PURCHASE, PPV_TICKET, COLLECTOR;

        Transaction.Kind asTransactionKind() {
            return Transaction.Kind.valueOf(name());
        }
    }

    record Card(@Size(max = 255) @Pattern(regexp = "^pm_[A-Za-z0-9_]+$", message = "must be a Stripe payment method id")
            String paymentMethod) {
    }

    String paymentMethod() {
        return card == null ? null : card.paymentMethod();
    }
}
