package com.thewans.playback.session;

import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** The player stopped; its last position if it knows one (0 or none never wipes a saved position). */
public record StopRequest(@NotNull UUID sessionId, @PositiveOrZero @DecimalMax("86400") Double positionSeconds) {
}
