package com.thewans.payment.invoice;

import java.time.Instant;
import java.util.UUID;

/**
 * A tax invoice for one captured payment. The number is gapless per year ({@code WANS-2026-000042}):
 * auditors read a gap as a missing sale.
 */
public record Invoice(UUID id, String number, UUID transactionId, UUID userId, String description, String currency,
        long amount, long gstAmount, Instant issuedAt) {

    /** What the price holds before GST. */
    public long netAmount() {
        return amount - gstAmount;
    }
}
