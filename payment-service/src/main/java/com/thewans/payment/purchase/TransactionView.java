package com.thewans.payment.purchase;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.thewans.payment.web.Money;

/**
 * A payment as its owner and admins see it. {@code clientSecret} is there only while the payer may
 * still confirm it (the web app hands it to Stripe.js); {@code wallet} only for mobile money, whose
 * {@code providerRef} is the request-to-pay reference the payer's wallet knows it by.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TransactionView(UUID id, UUID userId, Transaction.Kind kind, UUID filmId, UUID windowId, String territory,
        Money listPrice, Money discount, Money amount, Money gst, Money refunded, String provider, String wallet,
        String providerRef,
        String clientSecret, Transaction.Status status, Failure failure, Instant expiresAt, Instant succeededAt,
        Instant createdAt, UUID invoiceId) {

    record Failure(String code, String message) {
    }

    static TransactionView of(Transaction t, UUID invoiceId) {
        String currency = t.currency();
        return new TransactionView(t.id(), t.userId(), t.kind(), t.filmId(), t.windowId(), t.territory(),
                new Money(t.listAmount(), currency), new Money(t.discountAmount(), currency),
                new Money(t.amount(), currency), new Money(t.gstAmount(), currency),
                new Money(t.refundedAmount(), currency), t.provider().eventName, t.wallet(), t.providerRef(),
                t.status() == Transaction.Status.PENDING ? t.clientSecret() : null, t.status(),
                t.failureCode() == null ? null : new Failure(t.failureCode(), t.failureMessage()), t.expiresAt(),
                t.succeededAt(), t.createdAt(), invoiceId);
    }
}
