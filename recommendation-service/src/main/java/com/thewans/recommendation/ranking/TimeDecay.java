package com.thewans.recommendation.ranking;

import java.time.Duration;

/**
 * Exponential decay with a half-life: an event {@code age} old weighs {@code 2^(-age/halfLife)}, so
 * with a 24 h half-life yesterday's view counts half of today's. Decayed sums stay exact under
 * incremental updates: a total decayed to time t and then to t' equals one decayed to t' directly.
 */
public final class TimeDecay {

    private final double halfLifeSeconds;

    public TimeDecay(Duration halfLife) {
        if (halfLife == null || halfLife.isNegative() || halfLife.isZero()) {
            throw new IllegalArgumentException("a half-life must be positive: " + halfLife);
        }
        this.halfLifeSeconds = halfLife.toMillis() / 1000.0;
    }

    public double weight(Duration age) {
        double seconds = Math.max(0, age.toMillis() / 1000.0);
        return Math.pow(0.5, seconds / halfLifeSeconds);
    }
}
