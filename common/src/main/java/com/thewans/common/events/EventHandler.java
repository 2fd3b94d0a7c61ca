package com.thewans.common.events;

/**
 * A service's reaction to one event type. It runs inside a transaction together with the record
 * that the event was handled, so a redelivered event is skipped and a failed one leaves no trace.
 * Throwing leaves the event pending: it is retried, and after too many tries dead-lettered.
 */
public interface EventHandler {

    String eventType();

    void handle(EventEnvelope event);
}
