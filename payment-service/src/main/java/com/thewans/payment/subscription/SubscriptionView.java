package com.thewans.payment.subscription;

import java.time.Instant;
import java.util.UUID;

import com.thewans.payment.web.Money;

/** A subscription as its owner and admins see it. */
record SubscriptionView(UUID id, UUID userId, String plan, Money price, Subscription.Status status, Instant trialEndsAt,
        Instant currentPeriodStart, Instant currentPeriodEnd, boolean cancelAtPeriodEnd, String endedReason,
        Instant createdAt) {

    static SubscriptionView of(Subscription s) {
        return new SubscriptionView(s.id(), s.userId(), s.planCode(), new Money(s.amount(), s.currency()), s.status(),
                s.trialEndsAt(), s.currentPeriodStart(), s.currentPeriodEnd(), s.cancelAtPeriodEnd(), s.endedReason(),
                s.createdAt());
    }
}
