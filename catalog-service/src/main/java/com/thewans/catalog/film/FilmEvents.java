package com.thewans.catalog.film;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.thewans.catalog.genre.Genre;
import com.thewans.common.events.DomainEvents;

/**
 * film.created, film.updated, film.published and film.archived, written to the outbox in the
 * change's transaction; shapes in docs/events.md.
 */
@Component
class FilmEvents {

    static final String CREATED = "film.created";
    static final String UPDATED = "film.updated";
    static final String PUBLISHED = "film.published";
    static final String ARCHIVED = "film.archived";

    /**
     * The film as it stands after the change: the data of all four events, so a consumer reads
     * any of them with one view (transcoding and rights need the creator, search the rest, and
     * recommendation the credits, to find films made by the same people).
     */
    record FilmChanged(UUID filmId, UUID creatorId, String title, String slug, FilmStatus status,
            List<String> genres, Integer releaseYear, Integer runtimeMinutes, MaturityRating maturityRating,
            List<String> languages, List<String> countries, Credits credits, long version) {

        static FilmChanged of(FilmRecord f) {
            return new FilmChanged(f.id(), f.creatorId(), f.title(), f.slug(), f.status(),
                    f.genres().stream().map(Genre::slug).toList(), f.releaseYear(), f.runtimeMinutes(),
                    f.maturityRating(), f.languages(), f.countries(), f.credits(), f.version());
        }
    }

    private final DomainEvents events;

    FilmEvents(DomainEvents events) {
        this.events = events;
    }

    void created(FilmRecord film) {
        events.publish(CREATED, FilmChanged.of(film));
    }

    void updated(FilmRecord film) {
        events.publish(UPDATED, FilmChanged.of(film));
    }

    void published(FilmRecord film) {
        events.publish(PUBLISHED, FilmChanged.of(film));
    }

    void archived(FilmRecord film) {
        events.publish(ARCHIVED, FilmChanged.of(film));
    }
}
