package com.thewans.playback.session;

import java.time.Instant;
import java.util.UUID;

/** The lease now runs until {@code leaseExpiresAt}; beat again within {@code nextHeartbeatSeconds}. */
public record HeartbeatAnswer(UUID sessionId, Instant leaseExpiresAt, int nextHeartbeatSeconds) {
}
