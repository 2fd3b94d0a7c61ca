package com.thewans.rights.window;

import java.time.Duration;
import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A pay-per-view event: a ticket lets its holder watch from the start for the event's duration. */
public record PpvEvent(@NotNull Instant eventStartsAt, @NotNull @Min(1) @Max(1440) Integer durationMinutes) {

    public Instant eventEndsAt() {
        return eventStartsAt.plus(Duration.ofMinutes(durationMinutes));
    }
}
