package com.thewans.playback.session;

import java.time.Instant;
import java.util.UUID;

/** What a playback token vouches for: this user's session of this film on this device, until {@code expiresAt}. */
public record PlaybackToken(UUID sessionId, UUID userId, UUID filmId, String deviceId, Instant expiresAt) {
}
