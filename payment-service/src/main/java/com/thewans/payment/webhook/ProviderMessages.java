package com.thewans.payment.webhook;

import static com.thewans.common.db.SqlTimes.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.events.DomainEvents;
import com.thewans.payment.purchase.ProviderMessageLog;

/**
 * Every message a provider sends is stored before anything acts on it, once per provider event
 * id, and handed on through the outbox (payment.provider_message_received, consumed by this
 * service): the webhook answers as soon as the message is safe, a message delivered three times
 * is stored and acted on once, and one that cannot be applied yet is retried, never lost. What the
 * service learns by asking a provider itself (a polled status) is kept here too, acted on by the
 * asker in the same database transaction.
 */
@Component
class ProviderMessages implements ProviderMessageLog {

    static final String RECEIVED = "payment.provider_message_received";

    /** The outbox event's data: which stored message to act on. */
    record MessageReceived(String provider, String messageId, String type) {
    }

    record Stored(String provider, String messageId, String type, String payload) {
    }

    private final JdbcTemplate jdbc;
    private final DomainEvents events;
    private final Clock clock;

    ProviderMessages(JdbcTemplate jdbc, DomainEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Stores a message; false when it was stored before (a redelivery), which is then acknowledged and ignored. */
    @Transactional
    boolean store(String provider, String messageId, String type, String payload) {
        boolean first = keep(provider, messageId, type, payload);
        if (first) {
            events.publish(RECEIVED, new MessageReceived(provider, messageId, type));
        }
        return first;
    }

    @Override
    @Transactional
    public boolean keep(String provider, String messageId, String type, String payload) {
        return jdbc.update("""
                insert into provider_messages (provider, message_id, type, payload, received_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""", provider, messageId, type, payload,
                ts(Instant.now(clock))) == 1;
    }

    Optional<Stored> find(String provider, String messageId) {
        return jdbc.query("select provider, message_id, type, payload from provider_messages where provider = ? and message_id = ?",
                (rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), provider,
                messageId).stream().findFirst();
    }

    @Override
    public void processed(String provider, String messageId, String outcome) {
        jdbc.update("update provider_messages set processed_at = ?, outcome = ? where provider = ? and message_id = ?",
                ts(Instant.now(clock)), outcome, provider, messageId);
    }
}
