package com.thewans.payment.subscription;

import java.time.Instant;
import java.util.UUID;

import com.thewans.payment.web.Money;

/**
 * A subscription as its owner and admins see it. {@code paidBy} is {@code stripe} or
 * {@code mobile-money} (then {@code wallet} names it); {@code waitingPaymentId} is the request to pay
 * the payer has yet to approve, if one waits (the first period's, or a renewal's); {@code nextPlan}
 * is the cheaper plan the renewal moves to; {@code coupon} the code taken off the first paid period.
 */
record SubscriptionView(UUID id, UUID userId, String plan, Money price, Subscription.Status status, String paidBy,
        String wallet, Instant trialEndsAt, Instant currentPeriodStart, Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd, UUID waitingPaymentId, String nextPlan, String coupon, String endedReason,
        Instant createdAt) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id(), s.userId(), s.planCode(), new Money(s.amount(), s.currency()), s.status(),
                s.byMobileMoney() ? "mobile-money" : "stripe", s.wallet(), s.trialEndsAt(), s.currentPeriodStart(),
                s.currentPeriodEnd(), s.cancelAtPeriodEnd(), s.status().live() ? s.renewal().paymentId() : null,
                s.nextPlanCode(), s.couponCode(), s.endedReason(), s.createdAt());
    }
}
