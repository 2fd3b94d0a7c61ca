package com.thewans.catalog.film;

import java.time.Duration;

import org.springframework.stereotype.Component;

import com.thewans.common.storage.ObjectStorage;

/** Turns stored films into views, signing each asset's URL (local HMAC, no call to storage). */
@Component
public class FilmViews {

    /** Longer than the cache keeps a page, so a cached page never hands out a dead URL. */
    static final Duration ASSET_URL_LIFETIME = Duration.ofHours(6);

    private final ObjectStorage storage;

    FilmViews(ObjectStorage storage) {
        this.storage = storage;
    }

    public FilmView of(FilmRecord f) {
        var assets = f.assets().stream().map(a -> new FilmView.AssetView(a.id(), a.kind(), a.contentType(),
                a.sizeBytes(), storage.presignedGet(storage.buckets().assets(), a.objectKey(), ASSET_URL_LIFETIME)
                        .url().toString(),
                "/api/films/" + f.id() + "/assets/" + a.id() + "/content")).toList();
        return new FilmView(f.id(), f.slug(), f.title(), f.originalTitle(), f.synopsis(), f.runtimeMinutes(),
                f.releaseYear(), f.countries(), f.languages(), f.maturityRating(), f.genres(), f.credits(),
                f.creatorId(), f.status(), f.version(), f.createdAt(), f.updatedAt(), f.publishedAt(), assets);
    }
}
