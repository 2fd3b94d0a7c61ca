package com.thewans.notification.send;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.problem.InvalidField;
import com.thewans.common.security.CurrentUser;
import com.thewans.notification.contact.Contacts;
import com.thewans.notification.contact.Segment;
import com.thewans.notification.kind.Channel;
import com.thewans.notification.kind.NotificationType;
import com.thewans.notification.notification.Notice;
import com.thewans.notification.notification.Notifier;
import com.thewans.notification.template.RenderedMessage;
import com.thewans.notification.template.Template;
import com.thewans.notification.template.TemplateNotFound;
import com.thewans.notification.template.TemplateRenderer;
import com.thewans.notification.template.TemplateStore;

/**
 * Sends on request. The request is checked before anyone is told: every channel has a template,
 * the variables fill it, the message is not empty and a text message fits. One user is told at once;
 * a segment is recorded and told in the background ({@link SegmentSends}), in batches that are each
 * their own transaction (never one per recipient, never one for a hundred thousand).
 */
@Service
class Sending {

    static final int SMS_MAX = 1600;

    private final Contacts contacts;
    private final Notifier notifier;
    private final TemplateStore templates;
    private final TemplateRenderer renderer;
    private final TransactionTemplate tx;
    private final SegmentSends segmentSends;

    Sending(Contacts contacts, Notifier notifier, TemplateStore templates, TemplateRenderer renderer,
            TransactionTemplate tx, SegmentSends segmentSends) {
        this.contacts = contacts;
        this.notifier = notifier;
        this.templates = templates;
        this.renderer = renderer;
        this.tx = tx;
        this.segmentSends = segmentSends;
    }

    SendAnswer send(CurrentUser caller, SendRequest request, String cause) {
        if (request.type() == NotificationType.VERIFICATION_CODE || request.type() == NotificationType.PASSWORD_RESET_CODE) {
            throw new NotSentOnRequest(request.type());
        }
        if ((request.userId() == null) == (request.segment() == null)) {
            throw new InvalidField("userId", "name either one user (userId) or a segment, not both or neither");
        }
        List<Channel> channels = request.channels() == null || request.channels().isEmpty()
                ? request.type().defaultChannels() : request.channels().stream().distinct().toList();
        check(request.type(), channels, request.variables());
        if (request.userId() != null) {
            Optional<UUID> id = tx.execute(status -> notifier.notify(new Notice(request.userId(), request.type(), cause,
                    request.variables(), channels, null)));
            return new SendAnswer(1, id == null ? null : id.orElse(null), null, "DONE");
        }
        if (!caller.isAdmin()) {
            throw new SegmentNeedsAdmin();
        }
        Segment segment = new Segment(request.segment().all(), request.segment().territory(),
                request.segment().language());
        long recipients = contacts.count(segment);
        if (recipients == 0) {
            throw new SegmentEmpty(describe(segment));
        }
        SendView send = segmentSends.start(caller.userId(), request.type(), channels, request.variables(), segment,
                recipients, cause);
        return new SendAnswer(send.recipients(), null, send.id(), send.state());
    }

    SendView find(UUID id) {
        return segmentSends.find(id).orElseThrow(() -> new SendNotFound(id));
    }

    /** Renders every channel's English template with the request's variables, so problems show now, not per user. */
    private void check(NotificationType type, List<Channel> channels, Map<String, String> variables) {
        Map<String, Object> sample = new HashMap<>(variables);
        sample.putIfAbsent("appUrl", "https://example.com");
        sample.putIfAbsent("unsubscribeUrl", "https://example.com/unsubscribe");
        for (Channel channel : channels) {
            Template template = templates.current(type, channel, TemplateStore.FALLBACK_LANGUAGE)
                    .orElseThrow(() -> new TemplateNotFound(type.name(), channel.name()));
            RenderedMessage message = renderer.render(template, sample);
            if (message.text() == null || message.text().isBlank()
                    || (message.subject() != null && message.subject().isBlank())) {
                throw new InvalidField("variables", "the " + channel + " message would be empty");
            }
            if (channel == Channel.SMS && message.text().length() > SMS_MAX) {
                throw new InvalidField("variables", "the text message would be " + message.text().length()
                        + " characters; at most " + SMS_MAX);
            }
        }
    }

    private static String describe(Segment segment) {
        return segment.territory() != null ? "territory " + segment.territory()
                : segment.language() != null ? "language " + segment.language() : "all";
    }
}
