package com.thewans.recommendation.history;

import java.time.Instant;
import java.util.UUID;

import com.thewans.recommendation.ranking.Watch;

/** One film in a viewer's history: how much of it they watched, where they stopped, when last. */
public record WatchedFilm(UUID filmId, int sessions, double fraction, Integer positionSeconds, boolean finished,
        Instant lastAt) {

    public Watch asWatch() {
        return new Watch(filmId.toString(), lastAt, fraction);
    }

    /** Started and not finished: the continue-watching row. */
    public boolean inProgress() {
        return sessions > 0 && !finished;
    }
}
