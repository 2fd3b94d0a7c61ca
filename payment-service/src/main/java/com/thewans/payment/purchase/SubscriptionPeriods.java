package com.thewans.payment.purchase;

import java.time.Instant;

/**
 * What a subscription makes of its own charges settling: the subscription feature answers, inside
 * the settlement's database transaction, so the payment and the period it pays for change together.
 * Only the platform's own charges come here (mobile-money subscriptions); Stripe's invoices for card
 * subscriptions arrive paid, through {@link Settlement#subscriptionPaid}.
 */
public interface SubscriptionPeriods {

    /** A charge of a subscription was captured: the end of the period it paid for (payment.succeeded says it). */
    Instant paid(Transaction charge);

    /** A charge of a subscription failed or expired: the subscription goes past due, or never starts. */
    void unpaid(Transaction charge);
}
