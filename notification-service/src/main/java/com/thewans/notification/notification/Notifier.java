package com.thewans.notification.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.thewans.common.problem.WansException;
import com.thewans.notification.NotificationSettings;
import com.thewans.notification.contact.Contact;
import com.thewans.notification.contact.Contacts;
import com.thewans.notification.delivery.Deliveries;
import com.thewans.notification.delivery.DeliveryState;
import com.thewans.notification.delivery.DeliveryWorker;
import com.thewans.notification.delivery.NewDelivery;
import com.thewans.notification.kind.Channel;
import com.thewans.notification.kind.NotificationType;
import com.thewans.notification.preference.Preferences;
import com.thewans.notification.preference.UnsubscribeLinks;
import com.thewans.notification.template.RenderedMessage;
import com.thewans.notification.template.Template;
import com.thewans.notification.template.TemplateRenderer;
import com.thewans.notification.template.TemplateStore;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a notice into a notification and one delivery per channel, in the caller's transaction:
 * rendered now in the user's language (English when the language has no template), suppressed
 * where the user turned the category's channel off, held until the user's quiet hours end. Critical
 * types skip both. A template that does not render makes that delivery FAILED with the reason, for
 * admins to see: nothing blank is ever sent.
 */
@Service
public class Notifier {

    /** Variables that are secrets: they are sent, but not kept in the notification's data. */
    private static final Set<String> SECRET = Set.of("code", "link");

    private final JdbcTemplate jdbc;
    private final Contacts contacts;
    private final Preferences preferences;
    private final TemplateStore templates;
    private final TemplateRenderer renderer;
    private final UnsubscribeLinks unsubscribeLinks;
    private final Deliveries deliveries;
    private final DeliveryWorker worker;
    private final Clock clock;
    private final String appUrl;
    private final JsonMapper json = JsonMapper.builder().build();

    Notifier(JdbcTemplate jdbc, Contacts contacts, Preferences preferences, TemplateStore templates,
            TemplateRenderer renderer, UnsubscribeLinks unsubscribeLinks, Deliveries deliveries, DeliveryWorker worker,
            Clock clock, NotificationSettings settings) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.preferences = preferences;
        this.templates = templates;
        this.renderer = renderer;
        this.unsubscribeLinks = unsubscribeLinks;
        this.deliveries = deliveries;
        this.worker = worker;
        this.clock = clock;
        this.appUrl = settings.appUrl();
    }

    /** The new notification's id, or empty when this cause already told this user. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> notify(Notice notice) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        Map<String, Object> kept = new HashMap<>(notice.variables());
        kept.keySet().removeAll(SECRET);
        int inserted = jdbc.update("""
                insert into notifications (id, user_id, type, category, critical, cause, data, created_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?) on conflict (cause, user_id) do nothing""",
                id, notice.userId(), notice.type().name(), notice.type().category().name(), notice.type().critical(),
                notice.cause(), json.writeValueAsString(kept), java.sql.Timestamp.from(now));
        if (inserted == 0) {
            return Optional.empty();
        }
        Contact contact = contacts.find(notice.userId());
        List<Channel> off = notice.type().critical() ? List.of()
                : preferences.turnedOff(notice.userId(), notice.type().category());
        List<NewDelivery> planned = new ArrayList<>();
        for (Channel channel : notice.channels()) {
            planned.add(plan(id, notice, contact, channel, off.contains(channel), now,
                    templates.current(notice.type(), channel, contact.language())));
        }
        deliveries.add(planned, now);
        if (planned.stream().anyMatch(d -> d.state() == DeliveryState.QUEUED)) {
            wakeAfterCommit();
        }
        return Optional.of(id);
    }

    /**
     * One notice to each of many users (an announcement to a segment), in the caller's transaction:
     * one query for their preferences, one batch of notifications, one of deliveries, templates looked
     * up once per channel and language. Notification ids come from the cause and the user, so a batch
     * done again (a retried request) adds nothing. How many users it newly told.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int notifyEach(List<Contact> recipients, NotificationType type, String cause, Map<String, ?> variables,
            List<Channel> channels) {
        if (recipients.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        Map<UUID, List<Channel>> off = type.critical() ? Map.of()
                : preferences.turnedOff(recipients.stream().map(Contact::userId).toList(), type.category());
        Map<String, Optional<Template>> templatesByLanguage = new HashMap<>();
        Map<String, Object> kept = new HashMap<>(variables);
        kept.keySet().removeAll(SECRET);
        String data = json.writeValueAsString(kept);
        java.sql.Timestamp createdAt = java.sql.Timestamp.from(now);
        List<Object[]> rows = new ArrayList<>(recipients.size());
        List<NewDelivery> planned = new ArrayList<>(recipients.size() * channels.size());
        for (Contact contact : recipients) {
            UUID id = UUID.nameUUIDFromBytes((cause + ":" + contact.userId()).getBytes(StandardCharsets.UTF_8));
            rows.add(new Object[] {id, contact.userId(), type.name(), type.category().name(), type.critical(), cause,
                data, createdAt});
            Notice notice = new Notice(contact.userId(), type, cause, variables, channels, null);
            List<Channel> turnedOff = off.getOrDefault(contact.userId(), List.of());
            for (Channel channel : notice.channels()) {
                Optional<Template> template = templatesByLanguage.computeIfAbsent(channel + "/" + contact.language(),
                        key -> templates.current(type, channel, contact.language()));
                planned.add(plan(id, notice, contact, channel, turnedOff.contains(channel), now, template));
            }
        }
        int[] inserted = jdbc.batchUpdate("""
                insert into notifications (id, user_id, type, category, critical, cause, data, created_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?) on conflict (cause, user_id) do nothing""", rows);
        deliveries.add(planned, now);
        if (planned.stream().anyMatch(d -> d.state() == DeliveryState.QUEUED)) {
            wakeAfterCommit();
        }
        int told = 0;
        for (int count : inserted) {
            told += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : count;
        }
        return told;
    }

    private NewDelivery plan(UUID notificationId, Notice notice, Contact contact, Channel channel, boolean turnedOff,
            Instant now, Optional<Template> template) {
        String destination = notice.destinations().get(channel);
        if (turnedOff) {
            return new NewDelivery(notificationId, notice.userId(), channel, DeliveryState.SUPPRESSED, destination,
                    contact.language(), null, null, null, null, null, "turned off by the user");
        }
        if (template.isEmpty()) {
            return new NewDelivery(notificationId, notice.userId(), channel, DeliveryState.FAILED, destination,
                    contact.language(), null, null, null, null, null,
                    "no " + channel + " template for " + notice.type());
        }
        Map<String, Object> variables = new HashMap<>(notice.variables());
        variables.putIfAbsent("appUrl", appUrl);
        String unsubscribe = channel == Channel.EMAIL && notice.type().category().marketing()
                ? unsubscribeLinks.url(notice.userId(), notice.type().category()) : null;
        if (unsubscribe != null) {
            variables.put("unsubscribeUrl", unsubscribe);
        }
        RenderedMessage message;
        try {
            message = renderer.render(template.get(), variables);
        } catch (WansException e) {
            return new NewDelivery(notificationId, notice.userId(), channel, DeliveryState.FAILED, destination,
                    template.get().language(), null, null, null, null, null, e.getMessage());
        }
        if (channel == Channel.INBOX) {
            return new NewDelivery(notificationId, notice.userId(), channel, DeliveryState.SENT, null,
                    template.get().language(), message.subject(), message.text(), null, null, null, null);
        }
        Instant notBefore = notice.type().critical() ? now : contact.quietHours().nextAllowed(now);
        return new NewDelivery(notificationId, notice.userId(), channel, DeliveryState.QUEUED, destination,
                template.get().language(), message.subject(), message.text(), message.html(), unsubscribe, notBefore,
                null);
    }

    private void wakeAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.wake();
            }
        });
    }
}
