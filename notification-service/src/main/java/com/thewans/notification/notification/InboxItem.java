package com.thewans.notification.notification;

import java.time.Instant;
import java.util.UUID;

import com.thewans.notification.kind.Category;
import com.thewans.notification.kind.NotificationType;

/** One message in a user's in-app inbox. */
record InboxItem(UUID id, NotificationType type, Category category, String title, String body, Instant createdAt,
        Instant readAt) {
}
