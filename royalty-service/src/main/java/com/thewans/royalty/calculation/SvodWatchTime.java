package com.thewans.royalty.calculation;

/**
 * How SVOD pools are split: by the seconds subscribers watched each film in the pool's territory
 * (pro-rata, every subscriber's revenue pooled). A user-centric split (each subscriber's payment
 * shared only among the films they watched) would need only this query to change: join watch_time's
 * {@code user_id} (kept for that) to the sale of that subscriber's period, and split each
 * subscriber's payment by their own seconds. It is not switched on; see royalty-service's README.
 */
final class SvodWatchTime {

    static final String QUERY = """
            select territory, film_id, sum(watched_seconds) from watch_time
            where period = ? and offer_kind = 'SUBSCRIPTION' group by territory, film_id""";

    private SvodWatchTime() {
    }
}
