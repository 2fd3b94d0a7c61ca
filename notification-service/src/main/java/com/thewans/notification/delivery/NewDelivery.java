package com.thewans.notification.delivery;

import java.time.Instant;
import java.util.UUID;

import com.thewans.notification.kind.Channel;

/**
 * A delivery as a notification creates it: already rendered, so what is sent is what was decided
 * when it happened. {@code destination} null means the user's address when it is sent;
 * {@code notBefore} is later than now in the user's quiet hours; {@code reason} says why one
 * starts SUPPRESSED or FAILED (a template that would not render).
 */
public record NewDelivery(UUID notificationId, UUID userId, Channel channel, DeliveryState state, String destination,
        String language, String subject, String text, String html, String unsubscribeUrl, Instant notBefore,
        String reason) {
}
