package com.thewans.catalog.film;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.thewans.catalog.genre.Genre;

/** A film as stored, with its genres and assets (read in one round of batched queries). */
public record FilmRecord(
        UUID id,
        UUID creatorId,
        String slug,
        String title,
        String originalTitle,
        String synopsis,
        Integer runtimeMinutes,
        Integer releaseYear,
        List<String> countries,
        List<String> languages,
        MaturityRating maturityRating,
        Credits credits,
        FilmStatus status,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        List<Genre> genres,
        List<StoredAsset> assets) {

    public record StoredAsset(UUID id, String kind, String objectKey, String contentType, long sizeBytes,
            Instant createdAt) {
    }

    FilmFields fields() {
        return new FilmFields(title, originalTitle, synopsis, runtimeMinutes, releaseYear, countries, languages,
                maturityRating, genres.stream().map(Genre::slug).toList(), credits);
    }

    /** Publishing needs what a viewer must see before pressing play. */
    List<String> missingForPublication() {
        List<String> missing = new java.util.ArrayList<>();
        if (synopsis == null) {
            missing.add("synopsis");
        }
        if (runtimeMinutes == null) {
            missing.add("runtimeMinutes");
        }
        if (releaseYear == null) {
            missing.add("releaseYear");
        }
        return missing;
    }

    /** DRAFT or ARCHIVED to PUBLISHED; anything else is not a transition. */
    FilmStatus published() {
        if (status == FilmStatus.PUBLISHED) {
            throw new FilmStatusConflict(id, status, "publish");
        }
        return FilmStatus.PUBLISHED;
    }

    /** DRAFT or PUBLISHED to ARCHIVED. */
    FilmStatus archived() {
        if (status == FilmStatus.ARCHIVED) {
            throw new FilmStatusConflict(id, status, "archive");
        }
        return FilmStatus.ARCHIVED;
    }
}
