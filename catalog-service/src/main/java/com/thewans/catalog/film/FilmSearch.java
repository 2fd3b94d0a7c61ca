package com.thewans.catalog.film;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The catalog's one search query: full-text relevance (title A, original title B, credits C,
 * synopsis D) blended with trigram similarity of the title, so a misspelt title still finds the
 * film; filters by genre, year, language, country, maturity and (from the window read model)
 * what is watchable now as what, where. Always ordered with the id last, so pages are stable.
 */
@Repository
class FilmSearch {

    /** How close a misspelt query must come to a title (pg_trgm word similarity, 0..1). */
    static final double TITLE_SIMILARITY = 0.35;
    private static final String UNACCENT = "extensions.unaccent('extensions.unaccent'::regdictionary, %s)";

    enum Sort { RELEVANCE, NEWEST, TITLE, YEAR }

    record Query(String q, String genre, Integer yearFrom, Integer yearTo, String language, String country,
            List<MaturityRating> maturity, String availableAs, String territory, Sort sort, UUID mine,
            FilmStatus status, int page, int size) {

        /** A stable text of the query for cache keys. */
        String canonical() {
            return String.join("|", String.valueOf(q), String.valueOf(genre), String.valueOf(yearFrom),
                    String.valueOf(yearTo), String.valueOf(language), String.valueOf(country), String.valueOf(maturity),
                    String.valueOf(availableAs), String.valueOf(territory), String.valueOf(sort), String.valueOf(mine), String.valueOf(status),
                    Integer.toString(page), Integer.toString(size));
        }
    }

    record Hits(List<UUID> ids, long total) {
    }

    private final JdbcTemplate jdbc;

    FilmSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Hits search(Query query) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        boolean text = query.q() != null;
        String score = "0";
        if (text) {
            String normalized = UNACCENT.formatted("lower(?)");
            String title = UNACCENT.formatted("lower(f.title)");
            sql.append("with q as (select websearch_to_tsquery('simple', ").append(normalized)
                    .append(") as tsq, ").append(normalized).append(" as raw) ");
            args.add(query.q());
            args.add(query.q());
            score = "(ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', f.search_vector, q.tsq) + 0.5 * extensions.word_similarity(q.raw, "
                    + title + "))";
        }
        sql.append("select f.id, count(*) over () as total from film f");
        if (text) {
            sql.append(", q");
        }
        sql.append(" where ");
        if (query.mine() != null) {
            sql.append("f.creator_id = ?");
            args.add(query.mine());
            if (query.status() != null) {
                sql.append(" and f.status = ?");
                args.add(query.status().name());
            }
        } else {
            // only admins may ask for another status than PUBLISHED (checked by the controller)
            sql.append("f.status = ?");
            args.add(query.status() == null ? FilmStatus.PUBLISHED.name() : query.status().name());
        }
        if (text) {
            sql.append(" and (f.search_vector @@ q.tsq or extensions.word_similarity(q.raw, ")
                    .append(UNACCENT.formatted("lower(f.title)")).append(") >= ").append(TITLE_SIMILARITY).append(")");
        }
        if (query.genre() != null) {
            sql.append(" and exists (select 1 from film_genre fg join genre g on g.id = fg.genre_id"
                    + " where fg.film_id = f.id and g.slug = ?)");
            args.add(query.genre());
        }
        if (query.yearFrom() != null) {
            sql.append(" and f.release_year >= ?");
            args.add(query.yearFrom());
        }
        if (query.yearTo() != null) {
            sql.append(" and f.release_year <= ?");
            args.add(query.yearTo());
        }
        if (query.language() != null) {
            sql.append(" and f.languages @> array[?]::text[]");
            args.add(query.language());
        }
        if (query.country() != null) {
            sql.append(" and f.countries @> array[?]::text[]");
            args.add(query.country());
        }
        if (query.maturity() != null && !query.maturity().isEmpty()) {
            sql.append(" and f.maturity_rating = any(?)");
            args.add(query.maturity().stream().map(Enum::name).toArray(String[]::new));
        }
        if (query.availableAs() != null || query.territory() != null) {
            sql.append(" and exists (select 1 from film_window w where w.film_id = f.id and not w.closed"
                    + " and w.starts_at <= now() and (w.ends_at is null or w.ends_at > now())");
            if (query.availableAs() != null) {
                sql.append(" and w.type = ?");
                args.add(query.availableAs());
            }
            if (query.territory() != null) {
                sql.append(" and (w.worldwide or w.territories @> array[?]::text[])"
                        + " and not (w.excluded_territories @> array[?]::text[])");
                args.add(query.territory());
                args.add(query.territory());
            }
            sql.append(")");
        }
        Sort sort = query.sort() != null ? query.sort() : text ? Sort.RELEVANCE : Sort.NEWEST;
        sql.append(" order by ").append(switch (sort) {
            case RELEVANCE -> score + " desc, f.published_at desc nulls last";
            case NEWEST -> "coalesce(f.published_at, f.created_at) desc";
            case TITLE -> "lower(f.title) asc";
            case YEAR -> "f.release_year desc nulls last";
        }).append(", f.id");
        sql.append(" limit ? offset ?");
        args.add(query.size());
        args.add((long) query.page() * query.size());
        long[] total = {0};
        List<UUID> ids = jdbc.query(sql.toString(), (rs, n) -> {
            total[0] = rs.getLong("total");
            return rs.getObject("id", UUID.class);
        }, args.toArray());
        if (ids.isEmpty() && query.page() > 0) {
            // past the last page: count anyway, so the client learns how many there are
            return new Hits(ids, countOnly(query));
        }
        return new Hits(ids, total[0]);
    }

    private long countOnly(Query query) {
        Query first = new Query(query.q(), query.genre(), query.yearFrom(), query.yearTo(), query.language(),
                query.country(), query.maturity(), query.availableAs(), query.territory(), query.sort(),
                query.mine(), query.status(), 0, 1);
        Hits hits = search(first);
        return hits.total();
    }
}
