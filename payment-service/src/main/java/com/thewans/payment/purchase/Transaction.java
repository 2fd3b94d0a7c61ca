package com.thewans.payment.purchase;

import java.time.Instant;
import java.util.UUID;

/**
 * One payment as stored: what was bought, for how much (GST inside), through which provider (and, for
 * mobile money, which wallet), and where it stands.
 */
public record Transaction(UUID id, UUID userId, Kind kind, UUID filmId, UUID windowId, UUID subscriptionId, String territory,
        String currency, long listAmount, long discountAmount, long amount, long gstAmount, Provider provider,
        String wallet, String providerRef, String clientSecret, Status status, long refundedAmount, String failureCode,
        String failureMessage, Instant expiresAt, Instant succeededAt, Instant createdAt, String couponCode) {

    /** What a payment buys; the names rights-service grants by. */
    public enum Kind { RENTAL, PURCHASE, PPV_TICKET, COLLECTOR, SUBSCRIPTION }

    public enum Provider {
        STRIPE("stripe"), MOBILE_MONEY("mobile-money");

        /** How events name the provider. */
        final String eventName;

        Provider(String eventName) {
            this.eventName = eventName;
        }
    }

    /**
     * Where a payment stands. Statuses only move up in rank, whatever order providers' messages
     * arrive in: a payment that failed or expired may still succeed (the money moved, so the viewer
     * gets what they paid for), and a success never goes back. Refunds rank above success.
     */
    public enum Status {
        PENDING(0), FAILED(1), EXPIRED(1), SUCCEEDED(2), PARTIALLY_REFUNDED(3), REFUNDED(4);

        final int rank;

        Status(int rank) {
            this.rank = rank;
        }

        boolean captured() {
            return rank >= SUCCEEDED.rank;
        }
    }

    long refundable() {
        return status.captured() ? amount - refundedAmount : 0;
    }
}
