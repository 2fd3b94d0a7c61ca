package com.thewans.playback.session;

import java.time.Instant;
import java.util.UUID;

/** How the session ended: watched seconds, where it stopped, whether the film was finished. */
public record StopAnswer(UUID sessionId, Instant stoppedAt, String endedBy, int watchedSeconds, int positionSeconds,
        boolean finished) {
}
