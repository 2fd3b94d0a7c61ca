package com.thewans.payment.card;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Card subscriptions at the provider (Stripe Billing): a customer with a default card, a recurring
 * price per plan and currency, and the subscription that Stripe renews, invoices and retries.
 */
public interface CardSubscriptions {

    /**
     * The provider's customer for a viewer, made or updated so that {@code paymentMethod} is their
     * default card. {@code existing} is the one remembered for the viewer, if any.
     */
    String customer(String existing, UUID userId, String paymentMethod, String idempotencyKey);

    /** The recurring price of a plan in a currency (made once, found by its lookup key afterwards). */
    String price(String planCode, String planName, String currency, long amount, String interval);

    /** Subscribes the customer; the first invoice is paid at once unless a trial comes first. */
    BillingSubscription subscribe(String customer, String price, int trialDays, Map<String, String> metadata,
            String idempotencyKey);

    BillingSubscription retrieve(String subscriptionId);

    /** Ends the subscription when its paid period ends ({@code true}), or keeps it going after all. */
    BillingSubscription cancelAtPeriodEnd(String subscriptionId, boolean cancel);

    /**
     * Moves the subscription to another price. {@code prorateNow}: the unused time of the old price
     * is credited and the difference invoiced and charged at once (a declined card changes nothing);
     * otherwise the new price is charged from the next renewal on.
     *
     * @throws CardDeclined when the difference cannot be charged
     */
    BillingSubscription changePrice(String subscriptionId, String price, boolean prorateNow, String idempotencyKey);

    /**
     * Adjusts the customer's balance at the provider: negative is credit, which the next invoice with
     * something to pay uses up (a trial's invoice of nothing leaves it for the first paid one).
     */
    void adjustBalance(String customer, long amount, String currency, String description, String idempotencyKey);

    /** The payment (a PaymentIntent) that paid an invoice, if money moved: refunds go through it. */
    Optional<String> paymentOf(String invoiceId);

    /**
     * A subscription as the provider sees it.
     *
     * @param status Stripe's: {@code trialing}, {@code active}, {@code incomplete}, {@code past_due}, {@code canceled}, ...
     */
    record BillingSubscription(String id, String customer, String status, Instant periodStart, Instant periodEnd,
            Instant trialEnd, boolean cancelAtPeriodEnd) {
    }
}
