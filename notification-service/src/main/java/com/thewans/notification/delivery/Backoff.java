package com.thewans.notification.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th failure waits first * 2^(n-1), at most {@code max},
 * of which a random part between a half and all of it, so a server coming back from an outage is
 * not hit by every queued message at the same moment.
 */
record Backoff(Duration first, Duration max, RandomGenerator random) {

    Duration after(int failures) {
        long ceiling = max.toMillis();
        long exponential = first.toMillis() << Math.min(Math.max(failures - 1, 0), 30);
        long capped = exponential <= 0 ? ceiling : Math.min(exponential, ceiling);
        long half = capped / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : random.nextLong(half + 1)));
    }
}
