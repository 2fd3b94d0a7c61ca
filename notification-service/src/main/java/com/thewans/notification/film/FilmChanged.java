package com.thewans.notification.film;

import java.util.List;
import java.util.UUID;

/** What notification-service reads of catalog's film.* events (tolerant reader: the rest is ignored). */
public record FilmChanged(UUID filmId, UUID creatorId, String title, String slug, String status, List<String> genres,
        long version) {

    public FilmChanged {
        if (filmId == null || title == null) {
            throw new IllegalArgumentException("a film event without filmId or title");
        }
        genres = genres == null ? List.of() : genres;
    }
}
