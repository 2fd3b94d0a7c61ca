package com.thewans.common.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * The one envelope of every domain event (see docs/events.md). {@code data} stays a JSON tree:
 * each consumer reads it into its own small record (tolerant reader), common holds no domain types.
 */
public record EventEnvelope(UUID id, String type, Instant occurredAt, String producer, int version,
        JsonNode data) {
}
