package com.thewans.royalty.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** An SVOD pool split by watch time: whole, pro-rata, in order of seconds. */
class SvodPoolProperties {

    private static Map<UUID, Long> films(List<Long> seconds) {
        Map<UUID, Long> byFilm = new HashMap<>();
        for (int i = 0; i < seconds.size(); i++) {
            byFilm.put(new UUID(7, i), seconds.get(i));
        }
        return byFilm;
    }

    @Property
    void thePoolIsSplitWholeAndAFilmWatchedLongerNeverGetsLess(
            @ForAll @LongRange(min = 0, max = 100_000_000_000L) long pool,
            @ForAll @Size(min = 1, max = 30) List<@LongRange(min = 0, max = 10_000_000L) Long> seconds) {
        Assume.that(seconds.stream().mapToLong(Long::longValue).sum() > 0);
        Map<UUID, Long> watched = films(seconds);

        Map<UUID, Long> parts = SvodWatchTime.split(pool, watched);

        assertThat(parts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(pool);
        for (UUID a : watched.keySet()) {
            if (watched.get(a) == 0) {
                assertThat(parts.get(a)).isZero();
            }
            for (UUID b : watched.keySet()) {
                if (watched.get(a) > watched.get(b)) {
                    assertThat(parts.get(a)).isGreaterThanOrEqualTo(parts.get(b));
                }
            }
        }
    }

    @Property
    void theSplitDoesNotDependOnTheOrderWatchTimeWasRead(@ForAll @LongRange(min = 0, max = 1_000_000L) long pool,
            @ForAll @Size(min = 1, max = 20) List<@LongRange(min = 1, max = 100_000L) Long> seconds) {
        Map<UUID, Long> watched = films(seconds);
        Map<UUID, Long> reversed = new java.util.LinkedHashMap<>();
        List<UUID> keys = new java.util.ArrayList<>(watched.keySet());
        java.util.Collections.reverse(keys);
        keys.forEach(k -> reversed.put(k, watched.get(k)));

        assertThat(SvodWatchTime.split(pool, reversed)).isEqualTo(SvodWatchTime.split(pool, watched));
    }
}
