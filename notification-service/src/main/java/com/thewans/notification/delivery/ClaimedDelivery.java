package com.thewans.notification.delivery;

import java.util.UUID;

import com.thewans.notification.kind.Channel;

/** A delivery this instance holds for one attempt: its address resolved, its attempt counted. */
record ClaimedDelivery(UUID id, UUID userId, Channel channel, String destination, String language, String subject,
        String text, String html, String unsubscribeUrl, int attempt) {
}
