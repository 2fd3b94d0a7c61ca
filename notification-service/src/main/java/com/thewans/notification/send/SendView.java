package com.thewans.notification.send;

import java.time.Instant;
import java.util.UUID;

/**
 * An announcement to a segment: RUNNING while its users are being told (in batches), then DONE;
 * {@code recipients} is the segment's size when it was accepted, {@code told} how many were told so far.
 */
record SendView(UUID id, String state, long recipients, long told, Instant createdAt, Instant finishedAt) {
}
