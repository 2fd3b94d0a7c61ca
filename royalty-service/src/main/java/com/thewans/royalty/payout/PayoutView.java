package com.thewans.royalty.payout;

import java.time.Instant;
import java.util.UUID;

record PayoutView(UUID id, UUID partyId, String currency, long amount, PayoutStatus status, int attempts,
        String batchKey, String failure, Instant scheduledAt, Instant updatedAt) {
}
