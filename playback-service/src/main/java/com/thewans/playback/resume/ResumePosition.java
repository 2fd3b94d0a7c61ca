package com.thewans.playback.resume;

import java.time.Instant;
import java.util.UUID;

/** Where a viewer left a film. */
public record ResumePosition(UUID filmId, int positionSeconds, int durationSeconds, Instant updatedAt) {
}
