package com.thewans.recommendation.ranking;

import java.time.Instant;
import java.util.Objects;

/**
 * One viewer's history with one film: when they last watched it and how much of it (0..1; a
 * finished film is 1, a bought one counts at least {@link #BOUGHT}).
 */
public record Watch(String filmId, Instant at, double fraction) {

    /** A purchase or rental says as much as watching half the film. */
    public static final double BOUGHT = 0.5;
    /** Enough of a film to say the viewer meant it: what co-watch counts and "because you watched" rows use. */
    public static final double MEANINGFUL = 0.25;

    public Watch {
        Objects.requireNonNull(filmId, "filmId");
        Objects.requireNonNull(at, "at");
        if (Double.isNaN(fraction)) {
            throw new IllegalArgumentException("fraction is not a number");
        }
        fraction = Math.max(0, Math.min(1, fraction));
    }

    public boolean meaningful() {
        return fraction >= MEANINGFUL;
    }
}
