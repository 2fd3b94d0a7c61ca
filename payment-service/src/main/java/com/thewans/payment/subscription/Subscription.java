package com.thewans.payment.subscription;

import java.time.Instant;
import java.util.UUID;

/** A viewer on a plan, as this service follows it. */
public record Subscription(UUID id, UUID userId, String planCode, String currency, long amount, String territory,
        String provider, String providerRef, Status status, Instant trialEndsAt, Instant currentPeriodStart,
        Instant currentPeriodEnd, boolean cancelAtPeriodEnd, String endedReason, Instant createdAt) {

    /**
     * INCOMPLETE until the provider has it; TRIALING or ACTIVE while it grants films; PAST_DUE while a
     * failed renewal is retried (still granting until the period paid for ends); EXPIRED for good.
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
}
