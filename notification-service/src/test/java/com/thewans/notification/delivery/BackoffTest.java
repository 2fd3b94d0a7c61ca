package com.thewans.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), new Random(7));

    @Test
    void eachFailureWaitsBetweenHalfAndAllOfTwiceThePreviousWait() {
        for (int failures = 1; failures <= 7; failures++) {
            Duration ceiling = Duration.ofSeconds(30L << (failures - 1));
            for (int sample = 0; sample < 50; sample++) {
                assertThat(backoff.after(failures)).isBetween(ceiling.dividedBy(2), ceiling);
            }
        }
    }

    @Test
    void theWaitNeverExceedsTheMaximum() {
        assertThat(backoff.after(40)).isLessThanOrEqualTo(Duration.ofHours(1))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void jitterSpreadsRetriesOfTheSameAttempt() {
        assertThat(java.util.stream.IntStream.range(0, 20).mapToObj(i -> backoff.after(3)).distinct().count())
                .isGreaterThan(10);
    }
}
