package com.thewans.playback.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A session's progress as its heartbeats have added it up (buffered in Redis, written in batches). */
record Progress(UUID sessionId, Instant lastBeatAt, int positionSeconds, int watchedSeconds, int bufferingSeconds,
        List<String> renditions, boolean finished) {
}
