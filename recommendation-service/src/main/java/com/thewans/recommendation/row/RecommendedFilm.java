package com.thewans.recommendation.row;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.thewans.recommendation.catalogue.OfferKind;
import com.thewans.recommendation.ranking.Reason;

/**
 * One film in a row: what a card shows, the offers its open windows make in the viewer's
 * territory (from the service's own window read model), and why it is there. Continue watching
 * adds where the viewer stopped.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecommendedFilm(UUID filmId, String title, Set<String> genres, Set<String> languages,
        String maturityRating, Integer releaseYear, Integer runtimeMinutes, List<OfferKind> offers, Reason reason,
        Integer positionSeconds, Instant lastWatchedAt) {
}
