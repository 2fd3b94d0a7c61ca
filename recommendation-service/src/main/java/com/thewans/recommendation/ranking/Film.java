package com.thewans.recommendation.ranking;

import java.util.Objects;
import java.util.Set;

/**
 * What ranking knows of a film: its id and the content it is compared by. Plain data, so the
 * service (from film.* events) and the offline evaluation (from a CSV) feed the same code.
 *
 * @param creator the owning creator (film.* carries no credits; the creator stands in for them)
 */
public record Film(String id, String title, Set<String> genres, Set<String> languages, String creator,
        Integer releaseYear) {

    public Film {
        Objects.requireNonNull(id, "id");
        title = title == null ? id : title;
        genres = genres == null ? Set.of() : Set.copyOf(genres);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
    }
}
