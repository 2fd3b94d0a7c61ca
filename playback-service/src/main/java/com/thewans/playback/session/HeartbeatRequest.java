package com.thewans.playback.session;

import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A player's check-in (every 30 s, and on pause, seek or quality switch): where it is, which
 * rendition it plays, whether it is waiting for data.
 */
public record HeartbeatRequest(@NotNull UUID sessionId,
        @NotNull @PositiveOrZero @DecimalMax("86400") Double positionSeconds,
        @Size(max = 16) String rendition, Boolean buffering) {
}
