package com.thewans.payment.card;

import java.util.Map;

/**
 * Card payments at the provider (Stripe). One real adapter talks HTTP to Stripe's API, or locally
 * to the Stripe-shaped sandbox; nothing else in the service knows the provider's wire shapes.
 */
public interface CardPayments {

    /**
     * Opens a payment for this amount, confirming it at once with a saved or test payment method
     * when one is given (otherwise the web app confirms it with the client secret). Repeating a
     * call with the same {@code idempotencyKey} returns the same payment, never a second one.
     */
    CardPayment open(long amount, String currency, String description, Map<String, String> metadata,
            String paymentMethod, String idempotencyKey);

    /** Stops a payment the payer never finished; one that succeeded meanwhile is left alone. */
    void cancel(String paymentId);

    /** Refunds part or all of a captured payment (once per {@code idempotencyKey}). */
    CardRefund refund(String paymentId, long amount, String reason, String idempotencyKey);

    /**
     * Where a payment stands at the provider.
     *
     * @param status        {@code succeeded}, {@code requires_payment_method}, {@code processing}, ...
     * @param declineCode   why the card was declined ({@code card_declined}), when it was
     */
    record CardPayment(String id, String clientSecret, String status, String declineCode, String declineMessage) {

        public boolean succeeded() {
            return "succeeded".equals(status);
        }

        public boolean declined() {
            return declineCode != null;
        }
    }

    record CardRefund(String id, long amount, String status) {
    }
}
