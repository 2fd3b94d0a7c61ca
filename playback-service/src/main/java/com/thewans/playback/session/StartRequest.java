package com.thewans.playback.session;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Start playing a film. {@code deviceId} is the player's own stable id for the device (letters,
 * digits, {@code . _ : -}, at most 64); without one, the sign-in session stands for the device.
 */
public record StartRequest(@NotNull UUID filmId,
        @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}", message = "must be 1 to 64 letters, digits, '.', '_', ':' or '-'")
        String deviceId) {
}
