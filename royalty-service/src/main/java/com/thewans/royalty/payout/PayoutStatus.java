package com.thewans.royalty.payout;

/**
 * SCHEDULED (statements set aside for it) -> SENT (handed to the provider) -> PAID, or FAILED (the
 * bank returned it) -> RETRIED (an admin fixed the payee; it goes out with the next batch) -> SENT.
 */
public enum PayoutStatus {
    SCHEDULED, SENT, PAID, FAILED, RETRIED
}
