package com.thewans.playback.session;

import java.time.Instant;
import java.util.UUID;

/** A stream holding one of the viewer's slots, as a "too many streams" answer names it so one can be stopped. */
record ActiveStream(UUID sessionId, UUID filmId, String deviceId, String device, Instant since) {
}
