package com.thewans.catalog.film;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.thewans.catalog.genre.Genre;

/**
 * A film as clients see it. {@code creatorId} and {@code status} are part of the contract
 * (transcoding checks ownership with them). Asset {@code url}s are presigned and load in a
 * browser for hours; {@code path} is a stable catalog address that redirects to a fresh one.
 */
public record FilmView(
        UUID id,
        String slug,
        String title,
        String originalTitle,
        String synopsis,
        Integer runtimeMinutes,
        Integer releaseYear,
        List<String> countries,
        List<String> languages,
        MaturityRating maturityRating,
        List<Genre> genres,
        Credits credits,
        UUID creatorId,
        FilmStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        List<AssetView> assets) {

    public record AssetView(UUID id, String kind, String contentType, long sizeBytes, String url, String path) {
    }
}
