package com.thewans.notification.template;

import java.time.Instant;
import java.util.UUID;

import com.thewans.notification.kind.Channel;
import com.thewans.notification.kind.NotificationType;

record TemplateView(UUID id, NotificationType type, Channel channel, String language, int version, String subject,
        String bodyText, String bodyHtml, Instant createdAt) {

    static TemplateView of(Template t) {
        return new TemplateView(t.id(), t.type(), t.channel(), t.language(), t.version(), t.subject(), t.bodyText(),
                t.bodyHtml(), t.createdAt());
    }
}
