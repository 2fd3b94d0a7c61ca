package com.thewans.catalog.asset;

import static com.thewans.common.db.SqlTimes.ts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.catalog.film.FilmRecord;
import com.thewans.catalog.film.Films;
import com.thewans.common.problem.InvalidField;
import com.thewans.common.audit.AuditLog;
import com.thewans.common.security.CurrentUser;
import com.thewans.common.storage.ObjectStorage;
import com.thewans.common.storage.PresignedRequest;
import com.thewans.common.storage.StoredObject;

/**
 * Posters, backdrops, stills and trailers. The browser uploads straight to storage with a
 * presigned PUT (no film bytes through the service); confirming checks what actually arrived
 * (there, allowed type, not too large, first bytes match) before the film shows it.
 */
@Service
class FilmAssets {

    static final Duration UPLOAD_WINDOW = Duration.ofMinutes(15);
    /** Enough for a poster, backdrops, a trailer or two and a gallery of stills. */
    static final int MAX_ASSETS_PER_FILM = 40;

    record UploadTicket(AssetKind kind, String key, String method, String uploadUrl, Map<String, String> headers,
            Instant expiresAt, long maxSizeBytes) {
    }

    private final Films films;
    private final ObjectStorage storage;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    FilmAssets(Films films, ObjectStorage storage, JdbcTemplate jdbc, AuditLog audit) {
        this.films = films;
        this.storage = storage;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    UploadTicket startUpload(CurrentUser user, UUID filmId, AssetKind kind, String contentType) {
        films.manageable(user, filmId);
        if (!kind.contentTypes.contains(contentType)) {
            throw new InvalidField("contentType", "a " + kind.name() + " must be one of "
                    + String.join(", ", kind.contentTypes.stream().sorted().toList()));
        }
        String key = prefix(filmId, kind) + UUID.randomUUID() + "." + AssetKind.extension(contentType);
        PresignedRequest put = storage.presignedPut(storage.buckets().assets(), key, contentType, UPLOAD_WINDOW);
        jdbc.update("""
                insert into asset_upload (object_key, film_id, kind, content_type, issued_to, expires_at)
                values (?, ?, ?, ?, ?, ?)""", key, filmId, kind.name(), contentType, user.userId(),
                ts(put.expiresAt()));
        return new UploadTicket(kind, key, put.method(), put.url().toString(), put.headers(), put.expiresAt(),
                kind.maxBytes);
    }

    @Transactional
    FilmRecord confirm(CurrentUser user, UUID filmId, AssetKind kind, String key) {
        films.manageable(user, filmId);
        if (!key.startsWith(prefix(filmId, kind)) || key.contains("..") || key.length() > 512) {
            throw new InvalidField("key", "must be the key this film's upload ticket for a " + kind.name() + " gave");
        }
        boolean ticketed = jdbc.update("delete from asset_upload where object_key = ? and film_id = ? and kind = ?", key,
                filmId, kind.name()) == 1;
        if (!ticketed) {
            Integer confirmed = jdbc.queryForObject("select count(*) from film_asset where object_key = ? and film_id = ?",
                    Integer.class, key, filmId);
            if (confirmed != null && confirmed > 0) {
                return films.manageable(user, filmId); // confirmed twice: once is enough
            }
            throw new InvalidField("key", "no upload ticket of this film for a " + kind.name() + " has this key");
        }
        String bucket = storage.buckets().assets();
        StoredObject object = storage.stat(bucket, key).orElseThrow(() -> new AssetRefused("asset-not-uploaded",
                "Nothing was uploaded to " + key + " yet; PUT the file to the upload URL first"));
        String contentType = object.contentType() == null ? "" : object.contentType().split(";")[0].strip();
        if (!kind.contentTypes.contains(contentType)) {
            storage.delete(bucket, key);
            throw (AssetRefused) new AssetRefused("asset-type-not-allowed", "A " + kind.name() + " cannot be "
                    + (contentType.isEmpty() ? "of unknown type" : contentType)).with("contentType", contentType);
        }
        if (object.size() > kind.maxBytes) {
            storage.delete(bucket, key);
            throw (AssetRefused) new AssetRefused("asset-too-large", "A " + kind.name() + " may be at most "
                    + kind.maxBytes + " bytes").with("sizeBytes", object.size()).with("maxSizeBytes", kind.maxBytes);
        }
        byte[] head = storage.readRange(bucket, key, 0, 16).orElse(new byte[0]);
        if (!AssetKind.looksLike(contentType, head)) {
            storage.delete(bucket, key);
            throw (AssetRefused) new AssetRefused("asset-type-not-allowed",
                    "The file's content is not " + contentType).with("contentType", contentType);
        }
        // the film row's lock serialises confirmations of one film, so the count cannot be raced past
        jdbc.queryForObject("select id from film where id = ? for update", java.util.UUID.class, filmId);
        Integer count = jdbc.queryForObject("select count(*) from film_asset where film_id = ?", Integer.class, filmId);
        if (count != null && count >= MAX_ASSETS_PER_FILM) {
            throw new AssetRefused("asset-limit-reached", "A film has at most " + MAX_ASSETS_PER_FILM
                    + " assets; remove one first");
        }
        try {
            jdbc.update("""
                    insert into film_asset (id, film_id, kind, object_key, content_type, size_bytes, created_at)
                    values (?, ?, ?, ?, ?, ?, now())""", UUID.randomUUID(), filmId, kind.name(), key, contentType,
                    object.size());
        } catch (DuplicateKeyException e) {
            return films.manageable(user, filmId); // confirmed twice: once is enough
        }
        audit.record("film.asset-added", "film:" + filmId, Map.of("kind", kind.name(), "key", key));
        return films.touched(filmId);
    }

    @Transactional
    void remove(CurrentUser user, UUID filmId, UUID assetId) {
        films.manageable(user, filmId);
        String key = jdbc.query("delete from film_asset where id = ? and film_id = ? returning object_key",
                (rs, n) -> rs.getString(1), assetId, filmId).stream().findFirst()
                .orElseThrow(() -> new AssetNotFound(assetId));
        audit.record("film.asset-removed", "film:" + filmId, Map.of("assetId", assetId.toString(), "key", key));
        films.touched(filmId);
        // after the row: a storage outage fails the whole removal (503) rather than leave a dead link
        storage.delete(storage.buckets().assets(), key);
    }

    /** A fresh browser-loadable URL for an asset of a film the caller may see. */
    String contentUrl(CurrentUser user, UUID filmId, UUID assetId) {
        FilmRecord film = films.visible(user, filmId);
        var asset = film.assets().stream().filter(a -> a.id().equals(assetId)).findFirst()
                .orElseThrow(() -> new AssetNotFound(assetId));
        return storage.presignedGet(storage.buckets().assets(), asset.objectKey(), Duration.ofHours(1)).url()
                .toString();
    }

    private static String prefix(UUID filmId, AssetKind kind) {
        return "films/" + filmId + "/" + kind.name().toLowerCase(java.util.Locale.ROOT) + "/";
    }
}
