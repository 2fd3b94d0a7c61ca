package com.thewans.payment.subscription;

import java.time.Instant;
import java.util.UUID;

/**
 * A viewer on a plan, as this service follows it. Card subscriptions are Stripe Billing's
 * ({@code providerRef} is its sub_...); mobile-money ones are the platform's own, renewed by a
 * request to pay to {@code payerPhone} through {@code wallet}.
 */
public record Subscription(UUID id, UUID userId, String planCode, String currency, long amount, String territory,
        String provider, String providerRef, Status status, Instant trialEndsAt, Instant currentPeriodStart,
        Instant currentPeriodEnd, boolean cancelAtPeriodEnd, String endedReason, Instant createdAt, String wallet,
        String payerPhone, Renewal renewal, String nextPlanCode, Upgrade upgrade, String couponCode,
        Long couponAmountOff) {

    /**
     * A move to a dearer plan paid by mobile money, waiting for the payer to approve the difference.
     *
     * @param planCode  the plan it moves to
     * @param paymentId the request to pay for the difference
     */
    public record Upgrade(String planCode, UUID paymentId) {
    }

    /**
     * Where the platform's own renewal stands (mobile money only); when the next request is due is the
     * ledger's to ask (renewal_due_at), not a value anything decides on here.
     *
     * @param paymentId the request to pay waiting for the payer
     * @param attempts  failed requests since the last paid period
     */
    public record Renewal(UUID paymentId, int attempts) {
    }

    /**
     * INCOMPLETE until the provider has it (or, for mobile money, until the first period is paid);
     * TRIALING or ACTIVE while it grants films; PAST_DUE while a failed renewal is retried (still
     * granting until the period paid for ends); EXPIRED for good.
     */
    public enum Status {
        INCOMPLETE, TRIALING, ACTIVE, PAST_DUE, EXPIRED;

        boolean live() {
            return this != EXPIRED;
        }

        /** Stripe's name for a subscription's state, as ours. */
        static Status ofStripe(String status) {
            return switch (status == null ? "" : status) {
                case "trialing" -> TRIALING;
                case "active" -> ACTIVE;
                case "past_due", "unpaid" -> PAST_DUE;
                case "canceled", "incomplete_expired" -> EXPIRED;
                default -> INCOMPLETE;
            };
        }
    }

    /** What the next paid period costs: the plan's price, less a coupon not yet used. */
    long nextCharge(long price) {
        // a coupon quoted on a dearer plan than the one now paid for still leaves something to ask for
        return couponAmountOff == null ? price : Math.max(1, price - couponAmountOff);
    }

    boolean byMobileMoney() {
        return SubscriptionBilling.MOBILE_MONEY.equals(provider);
    }
}
