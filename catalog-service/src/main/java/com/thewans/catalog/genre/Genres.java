package com.thewans.catalog.genre;

import static com.thewans.common.db.SqlTimes.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.catalog.cache.CatalogCache;
import com.thewans.common.problem.InvalidField;
import com.thewans.common.audit.AuditLog;

/** The genre list admins curate, and resolving the genres a film names (by slug or id). */
@Service
public class Genres {

    static final RowMapper<Genre> ROW = (rs, n) -> new Genre(rs.getObject("id", UUID.class), rs.getString("slug"),
            rs.getString("name"));

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final CatalogCache cache;
    private final Clock clock;

    Genres(JdbcTemplate jdbc, AuditLog audit, CatalogCache cache, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Genre> all() {
        return jdbc.query("select id, slug, name from genre order by name, slug", ROW);
    }

    @Transactional(readOnly = true)
    public Genre get(String idOrSlug) {
        return jdbc.query("select id, slug, name from genre where " + (isUuid(idOrSlug) ? "id = ?::uuid" : "slug = ?"),
                ROW, idOrSlug).stream().findFirst().orElseThrow(() -> new GenreNotFound(idOrSlug));
    }

    /** The genres named by slug or id, in the order given; unknown ones are a validation problem. */
    @Transactional(readOnly = true)
    public List<Genre> resolve(Collection<String> idsOrSlugs) {
        Set<String> wanted = new LinkedHashSet<>(idsOrSlugs);
        Map<String, Genre> known = all().stream().collect(Collectors.toMap(Genre::slug, Function.identity()));
        Map<String, Genre> byId = known.values().stream()
                .collect(Collectors.toMap(g -> g.id().toString(), Function.identity()));
        List<String> unknown = wanted.stream().filter(w -> !known.containsKey(w) && !byId.containsKey(w)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidField("genres", "unknown genres: " + String.join(", ", unknown));
        }
        return wanted.stream().map(w -> known.containsKey(w) ? known.get(w) : byId.get(w)).distinct().toList();
    }

    @Transactional
    public Genre create(String slug, String name) {
        String finalSlug = slug == null || slug.isBlank() ? slugOf(name) : slug;
        if (finalSlug.isEmpty()) {
            throw new InvalidField("slug", "must contain letters or digits");
        }
        Instant now = Instant.now(clock);
        UUID id = UUID.randomUUID();
        try {
            jdbc.update("insert into genre (id, slug, name, created_at, updated_at) values (?, ?, ?, ?, ?)", id,
                    finalSlug, name.strip(), ts(now), ts(now));
        } catch (DuplicateKeyException e) {
            throw new GenreConflict("genre-exists", "A genre with slug " + finalSlug + " exists already");
        }
        audit.record("genre.created", "genre:" + id, Map.of("slug", finalSlug, "name", name.strip()));
        cache.catalogChanged();
        return new Genre(id, finalSlug, name.strip());
    }

    /** Renames a genre; its slug stays, because clients and links use it. */
    @Transactional
    public Genre rename(String idOrSlug, String name) {
        Genre genre = get(idOrSlug);
        jdbc.update("update genre set name = ?, updated_at = ? where id = ?", name.strip(), ts(Instant.now(clock)),
                genre.id());
        audit.record("genre.renamed", "genre:" + genre.id(), Map.of("from", genre.name(), "to", name.strip()));
        cache.catalogChanged();
        return new Genre(genre.id(), genre.slug(), name.strip());
    }

    @Transactional
    public void delete(String idOrSlug) {
        Genre genre = get(idOrSlug);
        Integer films = jdbc.queryForObject("select count(*) from film_genre where genre_id = ?", Integer.class,
                genre.id());
        if (films != null && films > 0) {
            throw (GenreConflict) new GenreConflict("genre-in-use",
                    "Genre " + genre.slug() + " is used by " + films + " films; move them to another genre first")
                    .with("films", films);
        }
        try {
            jdbc.update("delete from genre where id = ?", genre.id());
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            // a film took the genre between the count and the delete
            throw new GenreConflict("genre-in-use", "Genre " + genre.slug() + " is used by films");
        }
        audit.record("genre.deleted", "genre:" + genre.id(), Map.of("slug", genre.slug()));
        cache.catalogChanged();
    }

    static String slugOf(String text) {
        String ascii = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }

    private static boolean isUuid(String value) {
        return value != null && value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }

}
