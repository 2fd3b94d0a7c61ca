package com.thewans.playback.session;

import java.time.Instant;
import java.util.UUID;

/** A new token for a session that plays on: the same URLs with the new token in them. */
public record FreshToken(UUID sessionId, UUID filmId, String token, Instant tokenExpiresAt,
        PlaybackStart.Manifests manifests, String keyUrl, String licenceUrl) {
}
