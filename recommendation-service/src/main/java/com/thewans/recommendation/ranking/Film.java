package com.thewans.recommendation.ranking;

import java.util.Objects;
import java.util.Set;

/**
 * What ranking knows of a film: its id and the content it is compared by. Plain data, so the
 * service (from film.* events) and the offline evaluation (from a CSV) feed the same code.
 *
 * @param people who made it and who is in it: the credits' names (directors, cast, producers) and the
 *               owning creator's id, so two films that share anyone are kin
 */
public record Film(String id, String title, Set<String> genres, Set<String> languages, Set<String> people,
        Integer releaseYear) {

    public Film {
        Objects.requireNonNull(id, "id");
        title = title == null ? id : title;
        genres = genres == null ? Set.of() : Set.copyOf(genres);
        languages = languages == null ? Set.of() : Set.copyOf(languages);
        people = people == null ? Set.of() : Set.copyOf(people);
    }
}
