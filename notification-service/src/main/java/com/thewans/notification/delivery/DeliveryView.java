package com.thewans.notification.delivery;

import java.time.Instant;
import java.util.UUID;

import com.thewans.notification.kind.Channel;

/** A delivery as admins see it: where it stands, how often it was tried and the last error. */
record DeliveryView(UUID id, UUID notificationId, UUID userId, String type, String category, Channel channel,
        DeliveryState state, String destination, int attempts, String lastError, Instant createdAt,
        Instant nextAttemptAt, Instant finishedAt) {
}
