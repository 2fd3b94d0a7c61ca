package com.thewans.recommendation.catalogue;

import static com.thewans.common.db.SqlTimes.ts;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.thewans.common.availability.ReleaseWindowReadModel;
import com.thewans.common.events.EventEnvelope;
import com.thewans.common.events.EventHandler;
import com.thewans.recommendation.cache.RecommendationCache;

/**
 * Keeps the service's copy of the catalogue from film.* (every type carries the film's whole state,
 * so one upsert serves all four; the higher version wins, so a late older event changes nothing)
 * and of the windows from window.* (common's read model, as catalog keeps it).
 */
@Configuration(proxyBeanMethods = false)
class FilmEvents {

    /** Recommendation's view of catalog's FilmChanged. */
    record FilmChanged(UUID filmId, UUID creatorId, String title, String status, List<String> genres,
            Integer releaseYear, Integer runtimeMinutes, String maturityRating, List<String> languages,
            Credits credits, Long version) {

        FilmChanged {
            Objects.requireNonNull(filmId, "filmId");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(version, "version");
            genres = genres == null ? List.of() : genres;
            languages = languages == null ? List.of() : languages;
            credits = credits == null ? new Credits(null, null, null) : credits;
            // a rating this service does not know is treated as the strictest, never as all-ages
            maturityRating = MaturityRating.parse(maturityRating).orElse(MaturityRating.R18).name();
        }
    }

    /** Who is named in catalog's credits; only the names matter here. */
    record Credits(List<Named> directors, List<Named> cast, List<Named> producers) {

        Credits {
            directors = directors == null ? List.of() : directors;
            cast = cast == null ? List.of() : cast;
            producers = producers == null ? List.of() : producers;
        }

        List<String> names() {
            return java.util.stream.Stream.of(directors, cast, producers).flatMap(List::stream).map(Named::name)
                    .filter(name -> name != null && !name.isBlank()).map(String::trim).toList();
        }
    }

    record Named(String name) {
    }

    @Bean
    EventHandler filmCreated(JdbcTemplate jdbc, RecommendationCache cache) {
        return handler("film.created", jdbc, cache);
    }

    @Bean
    EventHandler filmUpdated(JdbcTemplate jdbc, RecommendationCache cache) {
        return handler("film.updated", jdbc, cache);
    }

    @Bean
    EventHandler filmPublished(JdbcTemplate jdbc, RecommendationCache cache) {
        return handler("film.published", jdbc, cache);
    }

    @Bean
    EventHandler filmArchived(JdbcTemplate jdbc, RecommendationCache cache) {
        return handler("film.archived", jdbc, cache);
    }

    @Bean
    EventHandler windowOpened(JdbcTemplate jdbc, RecommendationCache cache) {
        return ReleaseWindowReadModel.opened(jdbc, cache::sharedChanged);
    }

    @Bean
    EventHandler windowUpdated(JdbcTemplate jdbc, RecommendationCache cache) {
        return ReleaseWindowReadModel.updated(jdbc, cache::sharedChanged);
    }

    @Bean
    EventHandler windowClosed(JdbcTemplate jdbc, RecommendationCache cache) {
        return ReleaseWindowReadModel.closed(jdbc, cache::sharedChanged);
    }

    private static EventHandler handler(String type, JdbcTemplate jdbc, RecommendationCache cache) {
        return EventHandler.of(type, FilmChanged.class, (film, event) -> {
            keep(jdbc, film, event);
            cache.sharedChanged();
        });
    }

    private static void keep(JdbcTemplate jdbc, FilmChanged film, EventEnvelope event) {
        jdbc.update("""
                insert into rec_film (film_id, creator_id, title, status, genres, languages, people, maturity_rating,
                    release_year, runtime_minutes, version, published_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, case when ? = 'PUBLISHED' then ?::timestamptz end, ?)
                on conflict (film_id) do update set creator_id = excluded.creator_id, title = excluded.title,
                    status = excluded.status, genres = excluded.genres, languages = excluded.languages,
                    people = excluded.people, maturity_rating = excluded.maturity_rating, release_year = excluded.release_year,
                    runtime_minutes = excluded.runtime_minutes, version = excluded.version,
                    published_at = coalesce(rec_film.published_at, excluded.published_at),
                    updated_at = excluded.updated_at
                where rec_film.version < excluded.version""",
                film.filmId(), film.creatorId(), film.title(), film.status(), lower(film.genres()),
                lower(film.languages()), lower(film.credits().names()), film.maturityRating(), film.releaseYear(), film.runtimeMinutes(),
                film.version(), film.status(), ts(event.occurredAt()), ts(event.occurredAt()));
    }

    private static String[] lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(java.util.Locale.ROOT)).distinct().toArray(String[]::new);
    }
}
