package com.thewans.advertising.film;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** advertising's read model of catalog's films (from film.* events), and the cue points creators set here. */
@Repository
public class AdFilms {

    /** How long a decision trusts a film read from the database: films change rarely, decisions are many. */
    static final java.time.Duration CACHED_FOR = java.time.Duration.ofSeconds(30);
    private static final int CACHE_LIMIT = 20_000;

    private record Cached(Optional<AdFilm> film, java.time.Instant readAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final java.util.Map<UUID, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    AdFilms(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The film for an ad decision, from memory when read in the last {@link #CACHED_FOR} (an event this
     * instance handles drops its entry at once; other instances see the change within that time).
     */
    public Optional<AdFilm> forDecision(UUID filmId) {
        java.time.Instant now = clock.instant();
        Cached cached = cache.get(filmId);
        if (cached != null && cached.readAt().plus(CACHED_FOR).isAfter(now) && !cached.readAt().isAfter(now)) {
            return cached.film();
        }
        Optional<AdFilm> film = find(filmId);
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();  // a crude bound: the working set of films being watched refills it at once
        }
        cache.put(filmId, new Cached(film, now));
        return film;
    }

    public Optional<AdFilm> find(UUID filmId) {
        return jdbc.query("""
                select film_id, creator_id, title, status, runtime_minutes, genres, maturity_rating, languages,
                       cue_points_seconds
                from ad_films where film_id = ?""", AdFilms::film, filmId).stream().findFirst();
    }

    /**
     * Keeps the film's newest state: an older version arriving late (at-least-once delivery, no order
     * across redeliveries) changes nothing. Cue points from the event win only when it carries them.
     */
    void changed(FilmChanged film) {
        cache.remove(film.filmId());
        long version = film.version() == null ? 0 : film.version();
        Integer[] cues = film.adCuePointsSeconds() == null ? null
                : film.adCuePointsSeconds().stream().sorted().toArray(Integer[]::new);
        jdbc.update("""
                insert into ad_films (film_id, creator_id, title, status, runtime_minutes, genres, maturity_rating,
                                      languages, cue_points_seconds, film_version, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (film_id) do update set creator_id = excluded.creator_id, title = excluded.title,
                    status = excluded.status, runtime_minutes = excluded.runtime_minutes, genres = excluded.genres,
                    maturity_rating = excluded.maturity_rating, languages = excluded.languages,
                    cue_points_seconds = coalesce(excluded.cue_points_seconds, ad_films.cue_points_seconds),
                    film_version = excluded.film_version, updated_at = excluded.updated_at
                where ad_films.film_version <= excluded.film_version""",
                film.filmId(), film.creatorId(), film.title(), film.status(), film.runtimeMinutes(),
                film.genres().toArray(String[]::new), film.maturityRating(), film.languages().toArray(String[]::new),
                cues, version, Timestamp.from(clock.instant()));
    }

    /** Sets (or with null clears) where the film's mid-rolls go; false when the film is unknown. */
    boolean setCuePoints(UUID filmId, List<Integer> seconds) {
        cache.remove(filmId);
        return jdbc.update("update ad_films set cue_points_seconds = ?, updated_at = ? where film_id = ?",
                seconds == null ? null : seconds.stream().sorted().toArray(Integer[]::new),
                Timestamp.from(clock.instant()), filmId) == 1;
    }

    private static AdFilm film(ResultSet rs, int row) throws SQLException {
        return new AdFilm(rs.getObject("film_id", UUID.class), rs.getObject("creator_id", UUID.class),
                rs.getString("title"), rs.getString("status"), (Integer) rs.getObject("runtime_minutes"),
                strings(rs.getArray("genres")), rs.getString("maturity_rating"), strings(rs.getArray("languages")),
                ints(rs.getArray("cue_points_seconds")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static List<Integer> ints(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((Integer[]) array.getArray());
    }
}
