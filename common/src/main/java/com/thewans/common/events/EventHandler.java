package com.thewans.common.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's reaction to one event type. It runs inside a transaction together with the record
 * that the event was handled, so a redelivered event is skipped and a failed one leaves no trace.
 * Throwing leaves the event pending: it is retried, and after too many tries dead-lettered.
 *
 * <p>Declare one with {@link #of}: the event's {@code data} is read into the consumer's own
 * record (its small view of the producer's shape), and the reaction gets the record and the
 * envelope (for {@code id} and {@code occurredAt}):
 * <pre>{@code
 * @Bean
 * EventHandler paymentSucceeded(PaymentGrants grants) {
 *     return EventHandler.of("payment.succeeded", PaymentSucceeded.class, grants::grant);
 * }
 * }</pre>
 */
public interface EventHandler {

    String eventType();

    void handle(EventEnvelope event);

    /** What a service does with one event, given its data as the service's own record. */
    @FunctionalInterface
    interface Reaction<T> {
        void handle(T data, EventEnvelope event);
    }

    /**
     * A handler that reads {@code data} into {@code dataType} as a tolerant reader: members the
     * record does not name are ignored (producers may add fields), so only what the consumer uses
     * must be there. Data that cannot be read at all (a missing required member the record's
     * constructor refuses, a value of the wrong type) throws, so the event is retried and then
     * dead-lettered where admins see it, never silently dropped.
     */
    static <T> EventHandler of(String type, Class<T> dataType, Reaction<T> reaction) {
        if (type == null || !type.contains(".")) {
            throw new IllegalArgumentException("An event type looks like 'film.published': " + type);
        }
        return new EventHandler() {
            @Override
            public String eventType() {
                return type;
            }

            @Override
            public void handle(EventEnvelope event) {
                T data;
                try {
                    data = TolerantReader.JSON.treeToValue(event.data(), dataType);
                } catch (JacksonException e) {
                    throw new IllegalArgumentException("The data of " + type + " " + event.id()
                            + " cannot be read as " + dataType.getSimpleName() + ": " + e.getOriginalMessage(), e);
                }
                if (data == null) {
                    throw new IllegalArgumentException(type + " " + event.id() + " has no data");
                }
                reaction.handle(data, event);
            }

            @Override
            public String toString() {
                return "EventHandler[" + type + " -> " + dataType.getSimpleName() + "]";
            }
        };
    }

    /** The one mapper every consumer reads event data with. */
    final class TolerantReader {
        static final JsonMapper JSON = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();

        private TolerantReader() {
        }
    }
}
