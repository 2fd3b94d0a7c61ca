package com.thewans.recommendation.catalogue;

import static com.thewans.common.db.SqlTimes.instant;
import static com.thewans.common.db.SqlTimes.ts;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.thewans.common.availability.ReleaseWindowReadModel;
import com.thewans.recommendation.ranking.Film;

/**
 * Reads the service's own copy of the catalogue and of the windows: which films a viewer may
 * watch now in a territory at a maturity, with their offers, in one query (no call per film).
 */
@Component
public class Catalogue {

    private static final String COLUMNS = "f.film_id, f.creator_id, f.title, f.genres, f.languages, f.people,"
            + " f.maturity_rating, f.release_year, f.runtime_minutes, f.published_at";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Catalogue(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Published films with a streamable window open now in the territory, at most the maturity given. */
    public Map<UUID, CatalogueFilm> watchable(String territory, MaturityRating limit) {
        Instant now = clock.instant();
        Map<UUID, CatalogueFilm> films = new LinkedHashMap<>();
        jdbc.query("select " + COLUMNS + ", array_agg(distinct w.type) as window_types from rec_film f"
                + " join film_window w on w.film_id = f.film_id and " + ReleaseWindowReadModel.OPEN_IN_TERRITORY
                + " where f.status = 'PUBLISHED' and f.maturity_rating = any(?)"
                + " and w.type in ('SVOD', 'AVOD', 'TVOD', 'PVOD', 'PPV', 'COLLECTOR')"
                + " group by f.film_id order by f.film_id", rs -> {
                    CatalogueFilm film = film(rs, offers(strings(rs.getArray("window_types"))));
                    films.put(film.id(), film);
                }, ts(now), ts(now), territory, territory, limit.andMilder().toArray(String[]::new));
        return films;
    }

    /** Films by id whatever their state (to name the films in a viewer's history). */
    public Map<UUID, CatalogueFilm> known(Collection<UUID> ids) {
        Map<UUID, CatalogueFilm> films = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return films;
        }
        jdbc.query("select " + COLUMNS + " from rec_film f where f.film_id = any(?)", rs -> {
            CatalogueFilm film = film(rs, List.of());
            films.put(film.id(), film);
        }, (Object) ids.toArray(UUID[]::new));
        return films;
    }

    public Optional<CatalogueFilm> find(UUID id) {
        return Optional.ofNullable(known(List.of(id)).get(id));
    }

    private static List<OfferKind> offers(Set<String> windowTypes) {
        return Arrays.stream(OfferKind.values())
                .filter(kind -> windowTypes.stream().anyMatch(t -> OfferKind.ofWindowType(t).orElse(null) == kind))
                .toList();
    }

    private static CatalogueFilm film(ResultSet rs, List<OfferKind> offers) throws SQLException {
        UUID id = rs.getObject("film_id", UUID.class);
        UUID creator = rs.getObject("creator_id", UUID.class);
        Integer year = (Integer) rs.getObject("release_year");
        Set<String> people = new java.util.HashSet<>(strings(rs.getArray("people")));
        if (creator != null) {
            people.add(creator.toString());
        }
        Film film = new Film(id.toString(), rs.getString("title"), strings(rs.getArray("genres")),
                strings(rs.getArray("languages")), people, year);
        return new CatalogueFilm(id, film, rs.getString("maturity_rating"), year,
                (Integer) rs.getObject("runtime_minutes"), instant(rs, "published_at"), offers);
    }

    private static Set<String> strings(Array array) throws SQLException {
        return array == null ? Set.of() : new java.util.HashSet<>(Arrays.asList((String[]) array.getArray()));
    }
}
