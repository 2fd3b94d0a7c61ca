package com.thewans.catalog.film;

import static com.thewans.common.db.SqlTimes.instant;
import static com.thewans.common.db.SqlTimes.ts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.thewans.catalog.genre.Genre;
import com.thewans.common.problem.InvalidField;

import tools.jackson.databind.json.JsonMapper;

/** Films in SQL: one row per film, genres and assets fetched for a whole page at once. */
@Repository
class FilmRepository {

    private static final String COLUMNS = """
            id, creator_id, slug, title, original_title, synopsis, runtime_minutes, release_year, countries,
            languages, maturity_rating, credits::text as credits, status, version, created_at, updated_at,
            published_at""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    FilmRepository(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<FilmRecord> find(UUID id) {
        return findAll(List.of(id)).stream().findFirst();
    }

    /** The films with these ids, in the order given; ids that do not exist are left out. */
    List<FilmRecord> findAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID[] idArray = ids.toArray(UUID[]::new);
        Map<UUID, List<Genre>> genres = new HashMap<>();
        jdbc.query("""
                select fg.film_id, g.id, g.slug, g.name from film_genre fg join genre g on g.id = fg.genre_id
                where fg.film_id = any(?) order by g.name""", rs -> {
            genres.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new Genre(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4)));
        }, (Object) idArray);
        Map<UUID, List<FilmRecord.StoredAsset>> assets = new HashMap<>();
        jdbc.query("""
                select film_id, id, kind, object_key, content_type, size_bytes, created_at from film_asset
                where film_id = any(?) order by created_at, id""", rs -> {
            assets.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(new FilmRecord.StoredAsset(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), instant(rs, "created_at")));
        }, (Object) idArray);
        Map<UUID, FilmRecord> films = new LinkedHashMap<>();
        jdbc.query("select " + COLUMNS + " from film where id = any(?)", rs -> {
            UUID id = rs.getObject("id", UUID.class);
            films.put(id, map(rs, genres.getOrDefault(id, List.of()), assets.getOrDefault(id, List.of())));
        }, (Object) idArray);
        return ids.stream().map(films::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Inserts a new draft; a slug that is taken gets -2, -3, ... (the unique index decides races). */
    String insert(UUID id, UUID creatorId, String baseSlug, FilmFields f, List<Genre> genres, Instant now) {
        for (int attempt = 1; ; attempt++) {
            String slug = attempt == 1 ? baseSlug : baseSlug + "-" + attempt;
            try {
                jdbc.execute("savepoint film_slug");
                jdbc.update("""
                        insert into film (id, creator_id, slug, title, original_title, synopsis, runtime_minutes,
                            release_year, countries, languages, maturity_rating, credits, status, version,
                            created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 'DRAFT', 1, ?, ?)""",
                        id, creatorId, slug, f.title(), f.originalTitle(), f.synopsis(), f.runtimeMinutes(),
                        f.releaseYear(), f.countries().toArray(String[]::new), f.languages().toArray(String[]::new),
                        f.maturityRating().name(), json.writeValueAsString(f.credits()), ts(now), ts(now));
                jdbc.execute("release savepoint film_slug");
                replaceGenres(id, genres);
                return slug;
            } catch (DuplicateKeyException e) {
                jdbc.execute("rollback to savepoint film_slug");
                if (attempt >= 50) {
                    throw e;
                }
            }
        }
    }

    /** Writes the fields if the film is still at {@code expectedVersion}; false when someone was first. */
    boolean update(UUID id, long expectedVersion, FilmFields f, List<Genre> genres, Instant now) {
        int rows = jdbc.update("""
                update film set title = ?, original_title = ?, synopsis = ?, runtime_minutes = ?, release_year = ?,
                    countries = ?, languages = ?, maturity_rating = ?, credits = ?::jsonb, version = version + 1,
                    updated_at = ?
                where id = ? and version = ?""",
                f.title(), f.originalTitle(), f.synopsis(), f.runtimeMinutes(), f.releaseYear(),
                f.countries().toArray(String[]::new), f.languages().toArray(String[]::new), f.maturityRating().name(),
                json.writeValueAsString(f.credits()), ts(now), id, expectedVersion);
        if (rows == 0) {
            return false;
        }
        replaceGenres(id, genres);
        return true;
    }

    boolean changeStatus(UUID id, long expectedVersion, FilmStatus status, Instant now) {
        return jdbc.update("""
                update film set status = ?, version = version + 1, updated_at = ?,
                    published_at = case when ? = 'PUBLISHED' then coalesce(published_at, ?) else published_at end
                where id = ? and version = ?""",
                status.name(), ts(now), status.name(), ts(now), id, expectedVersion) == 1;
    }

    /** A change beside the film row (its artwork) still makes a new version, so caches and ETags move on. */
    long touch(UUID id, Instant now) {
        return jdbc.queryForObject("update film set version = version + 1, updated_at = ? where id = ? returning version",
                Long.class, ts(now), id);
    }

    private void replaceGenres(UUID filmId, List<Genre> genres) {
        jdbc.update("delete from film_genre where film_id = ?", filmId);
        try {
            jdbc.batchUpdate("insert into film_genre (film_id, genre_id) values (?, ?)",
                    genres.stream().map(g -> new Object[] {filmId, g.id()}).toList());
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // an admin deleted one of the genres a moment ago
            throw new InvalidField("genres", "a genre was just removed; choose again");
        }
    }

    private FilmRecord map(ResultSet rs, List<Genre> genres, List<FilmRecord.StoredAsset> assets) throws SQLException {
        return new FilmRecord(rs.getObject("id", UUID.class), rs.getObject("creator_id", UUID.class),
                rs.getString("slug"), rs.getString("title"), rs.getString("original_title"), rs.getString("synopsis"),
                (Integer) rs.getObject("runtime_minutes"), (Integer) rs.getObject("release_year"),
                strings(rs.getArray("countries")), strings(rs.getArray("languages")),
                MaturityRating.valueOf(rs.getString("maturity_rating")),
                json.readValue(rs.getString("credits"), Credits.class), FilmStatus.valueOf(rs.getString("status")),
                rs.getLong("version"), instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "published_at"), genres,
                assets);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

}
