package com.thewans.recommendation.history;

import static com.thewans.common.db.SqlTimes.instant;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a viewer's history (the {@code watched} view: the one definition of how much was watched). */
@Component
public class WatchHistory {

    /** The longest history ranking reads: the most recent films count, older ones barely move a score. */
    static final int MAX_FILMS = 500;

    private final JdbcTemplate jdbc;

    WatchHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The viewer's films, most recently watched first. */
    public List<WatchedFilm> of(UUID userId) {
        return jdbc.query("""
                select film_id, sessions, fraction, position_seconds, finished, last_at from watched
                where user_id = ? order by last_at desc, film_id limit ?""",
                (rs, i) -> new WatchedFilm(rs.getObject("film_id", UUID.class), rs.getInt("sessions"),
                        rs.getDouble("fraction"), (Integer) rs.getObject("position_seconds"),
                        rs.getBoolean("finished"), instant(rs, "last_at")), userId, MAX_FILMS);
    }
}
