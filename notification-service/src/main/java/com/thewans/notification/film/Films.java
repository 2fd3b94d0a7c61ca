package com.thewans.notification.film;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Titles and creators of films, kept from catalog's events so messages can name the film. */
@Repository
public class Films {

    private final JdbcTemplate jdbc;

    Films(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the film's newest state: an older version arriving late changes nothing. */
    public void remember(FilmChanged film) {
        jdbc.update("""
                insert into films (film_id, creator_id, title, slug, status, version) values (?, ?, ?, ?, ?, ?)
                on conflict (film_id) do update set creator_id = excluded.creator_id, title = excluded.title,
                    slug = excluded.slug, status = excluded.status, version = excluded.version
                where films.version <= excluded.version""",
                film.filmId(), film.creatorId(), film.title(), film.slug(),
                film.status() == null ? "DRAFT" : film.status(), film.version());
    }

    public Optional<String> title(UUID filmId) {
        if (filmId == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("select title from films where film_id = ?", String.class, filmId).stream()
                .findFirst();
    }
}
