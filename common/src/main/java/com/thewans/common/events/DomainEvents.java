package com.thewans.common.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Records a domain event in the outbox, inside the caller's transaction: the event exists if and
 * only if the change it describes was committed. The relay publishes it afterwards.
 */
public class DomainEvents {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final String producer;
    private final Clock clock;
    private final Runnable afterCommit;

    public DomainEvents(JdbcTemplate jdbc, JsonMapper json, String producer, Clock clock, Runnable afterCommit) {
        this.jdbc = jdbc;
        this.json = json;
        this.producer = producer;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    public UUID publish(String type, Object data) {
        return publish(type, 1, data);
    }

    public UUID publish(String type, int version, Object data) {
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("Event type must look like 'film.published': " + type);
        }
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            // outside a transaction the event could outlive a change that never happened
            throw new IllegalStateException("Domain events are published inside the transaction of their change");
        }
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, clock.instant(), producer, version,
                json.valueToTree(data));
        jdbc.update("insert into outbox_event (id, type, version, occurred_at, envelope) values (?, ?, ?, ?, ?::jsonb)",
                envelope.id(), type, version, Timestamp.from(envelope.occurredAt()), json.writeValueAsString(envelope));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.run();
            }
        });
        return envelope.id();
    }
}
