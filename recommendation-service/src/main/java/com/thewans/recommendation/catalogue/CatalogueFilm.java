package com.thewans.recommendation.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.thewans.recommendation.ranking.Film;

/**
 * A film as recommendation knows it from film.* events, and (when read for a territory) the offers
 * its open windows make there.
 */
public record CatalogueFilm(UUID id, Film film, String maturityRating, Integer releaseYear, Integer runtimeMinutes,
        Instant publishedAt, List<OfferKind> offers) {
}
