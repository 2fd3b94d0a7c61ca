package com.thewans.advertising.film;

import java.util.List;
import java.util.UUID;

/**
 * Our view of catalog's film.* data (tolerant reader): what targeting and ad breaks need. Catalog
 * sends no cue points today; {@code adCuePointsSeconds} is read if a later version adds it.
 */
record FilmChanged(UUID filmId, UUID creatorId, String title, String status, List<String> genres,
        Integer runtimeMinutes, String maturityRating, List<String> languages, Long version,
        List<Integer> adCuePointsSeconds) {

    FilmChanged {
        if (filmId == null) {
            throw new IllegalArgumentException("film.* without filmId");
        }
        genres = genres == null ? List.of() : List.copyOf(genres);
        languages = languages == null ? List.of() : List.copyOf(languages);
        title = title == null ? "" : title;
        status = status == null ? "DRAFT" : status;
    }
}
