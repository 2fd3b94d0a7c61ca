package com.thewans.catalog.film;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.thewans.catalog.genre.Genre;
import com.thewans.common.events.DomainEvents;

/** film.created / film.updated / film.published / film.archived, written to the outbox with the change. */
@Component
public class FilmEvents {

    static final String CREATED = "film.created";
    static final String UPDATED = "film.updated";
    static final String PUBLISHED = "film.published";
    static final String ARCHIVED = "film.archived";

    private final DomainEvents events;

    FilmEvents(DomainEvents events) {
        this.events = events;
    }

    public void publish(String type, FilmRecord f) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("filmId", f.id());
        data.put("creatorId", f.creatorId());
        data.put("title", f.title());
        data.put("slug", f.slug());
        data.put("status", f.status().name());
        data.put("genres", f.genres().stream().map(Genre::slug).toList());
        data.put("releaseYear", f.releaseYear());
        data.put("runtimeMinutes", f.runtimeMinutes());
        data.put("maturityRating", f.maturityRating().name());
        data.put("languages", f.languages());
        data.put("countries", f.countries());
        data.put("version", f.version());
        events.publish(type, data);
    }
}
