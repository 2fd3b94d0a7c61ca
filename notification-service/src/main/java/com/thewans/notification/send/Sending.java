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
import com.thewans.notification.contact.Contact;
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
 * the variables fill it, the message is not empty and a text message fits. A segment is told in
 * batches, each its own transaction (never one per recipient, never one for a hundred thousand),
 * and each batch done again adds nothing: notification ids come from the request and the user.
 */
@Service
class Sending {

    static final int BATCH = 1000;
    static final int SMS_MAX = 1600;

    private final Contacts contacts;
    private final Notifier notifier;
    private final TemplateStore templates;
    private final TemplateRenderer renderer;
    private final TransactionTemplate tx;

    Sending(Contacts contacts, Notifier notifier, TemplateStore templates, TemplateRenderer renderer,
            TransactionTemplate tx) {
        this.contacts = contacts;
        this.notifier = notifier;
        this.templates = templates;
        this.renderer = renderer;
        this.tx = tx;
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
            return new SendAnswer(1, id == null ? null : id.orElse(null));
        }
        if (!caller.isAdmin()) {
            throw new SegmentNeedsAdmin();
        }
        Segment segment = new Segment(request.segment().all(), request.segment().territory(),
                request.segment().language());
        if (contacts.count(segment) == 0) {
            throw new SegmentEmpty(describe(segment));
        }
        long told = 0;
        UUID after = null;
        while (true) {
            List<Contact> batch = contacts.segment(segment, after, BATCH);
            if (batch.isEmpty()) {
                break;
            }
            Integer newlyTold = tx.execute(status -> notifier.notifyEach(batch, request.type(), cause,
                    request.variables(), channels));
            told += newlyTold == null ? 0 : newlyTold;
            after = batch.get(batch.size() - 1).userId();
        }
        return new SendAnswer(told, null);
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
