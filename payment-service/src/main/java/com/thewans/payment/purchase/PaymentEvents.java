package com.thewans.payment.purchase;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.thewans.common.events.DomainEvents;
import com.thewans.payment.invoice.Invoice;

/** payment.* events, written to the outbox with the change; shapes in docs/events.md. */
@Component
class PaymentEvents {

    static final String SUCCEEDED = "payment.succeeded";
    static final String FAILED = "payment.failed";
    static final String REFUNDED = "payment.refunded";
    static final String PARTIALLY_REFUNDED = "payment.partially_refunded";

    /**
     * Money was captured: rights-service grants what it buys, royalty-service books its revenue net
     * of {@code taxAmount} (the GST the invoice shows) in the buyer's {@code territory}.
     */
    record PaymentSucceeded(UUID transactionId, UUID userId, Transaction.Kind kind, UUID filmId, UUID windowId,
            UUID subscriptionId, Instant periodEnd, long amount, String currency, String provider, UUID invoiceId,
            String invoiceNumber, long taxAmount, String territory) {
    }

    /** A payment failed or expired: nothing was captured. */
    record PaymentFailed(UUID transactionId, UUID userId, Transaction.Kind kind, UUID filmId, long amount,
            String currency, String provider, String reason) {
    }

    /** A captured payment was refunded in full: rights-service revokes what it granted. */
    record PaymentRefunded(UUID transactionId, UUID userId, long amount, String currency) {
    }

    /** Part of a payment went back to the payer; what it bought stays. */
    record PaymentPartiallyRefunded(UUID transactionId, UUID userId, long amount, long refundedTotal, String currency) {
    }

    private final DomainEvents events;

    PaymentEvents(DomainEvents events) {
        this.events = events;
    }

    /**
     * Money was captured ({@code invoice} is null for a trial's payment of nothing); for a
     * subscription's period rights extends it until {@code periodEnd}.
     */
    void succeeded(Transaction t, Invoice invoice, Instant periodEnd) {
        events.publish(SUCCEEDED, new PaymentSucceeded(t.id(), t.userId(), t.kind(), t.filmId(), t.windowId(),
                t.subscriptionId(), periodEnd, t.amount(), t.currency(), t.provider().eventName,
                invoice == null ? null : invoice.id(), invoice == null ? null : invoice.number(),
                invoice == null ? 0 : invoice.gstAmount(), t.territory()));
    }

    void failed(Transaction t, String reason) {
        events.publish(FAILED, new PaymentFailed(t.id(), t.userId(), t.kind(), t.filmId(), t.amount(), t.currency(),
                t.provider().eventName, reason));
    }

    void refunded(Transaction t, long refundedTotal, long previouslyRefunded) {
        if (refundedTotal >= t.amount()) {
            events.publish(REFUNDED, new PaymentRefunded(t.id(), t.userId(), refundedTotal, t.currency()));
        } else {
            events.publish(PARTIALLY_REFUNDED, new PaymentPartiallyRefunded(t.id(), t.userId(),
                    refundedTotal - previouslyRefunded, refundedTotal, t.currency()));
        }
    }
}
