package com.thewans.notification.template;

import java.time.Instant;
import java.util.UUID;

import com.thewans.notification.kind.Channel;
import com.thewans.notification.kind.NotificationType;

/**
 * One version of what a type says on a channel in a language. Email has a subject, a plain-text
 * and an HTML body; the inbox a title (subject) and text; SMS only text.
 */
public record Template(UUID id, NotificationType type, Channel channel, String language, int version, String subject,
        String bodyText, String bodyHtml, Instant createdAt) {
}
