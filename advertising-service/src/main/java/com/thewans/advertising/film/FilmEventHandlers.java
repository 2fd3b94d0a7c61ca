package com.thewans.advertising.film;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.thewans.common.events.EventHandler;

/** Catalog's film.* events keep advertising's view of films (runtime, genres, maturity, languages). */
@Configuration(proxyBeanMethods = false)
class FilmEventHandlers {

    @Bean
    EventHandler filmCreatedForAds(AdFilms films) {
        return EventHandler.of("film.created", FilmChanged.class, (film, event) -> films.changed(film));
    }

    @Bean
    EventHandler filmUpdatedForAds(AdFilms films) {
        return EventHandler.of("film.updated", FilmChanged.class, (film, event) -> films.changed(film));
    }

    @Bean
    EventHandler filmPublishedForAds(AdFilms films) {
        return EventHandler.of("film.published", FilmChanged.class, (film, event) -> films.changed(film));
    }

    @Bean
    EventHandler filmArchivedForAds(AdFilms films) {
        return EventHandler.of("film.archived", FilmChanged.class, (film, event) -> films.changed(film));
    }
}
