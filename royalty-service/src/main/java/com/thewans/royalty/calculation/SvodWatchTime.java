package com.thewans.royalty.calculation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * How SVOD pools are split: by the seconds subscribers watched each film in the pool's territory
 * (pro-rata, every subscriber's revenue pooled). A user-centric split (each subscriber's payment
 * shared only among the films they watched) would need only this query to change: join watch_time's
 * {@code user_id} (kept for that) to the sale of that subscriber's period, and split each
 * subscriber's payment by their own seconds. It is not switched on; see royalty-service's README.
 */
final class SvodWatchTime {

    /**
     * A pool split between films by their seconds (films in id order, so ties in the remainders go
     * the same way every time); the parts add up to the pool.
     */
    static SortedMap<UUID, Long> split(long pool, Map<UUID, Long> seconds) {
        List<UUID> films = new ArrayList<>(new TreeSet<>(seconds.keySet()));
        long[] parts = Allocation.split(pool, films.stream().mapToLong(seconds::get).toArray());
        SortedMap<UUID, Long> byFilm = new TreeMap<>();
        for (int i = 0; i < parts.length; i++) {
            byFilm.put(films.get(i), parts[i]);
        }
        return byFilm;
    }

    static final String QUERY = """
            select territory, film_id, sum(watched_seconds) from watch_time
            where period = ? and offer_kind = 'SUBSCRIPTION' group by territory, film_id""";

    private SvodWatchTime() {
    }
}
