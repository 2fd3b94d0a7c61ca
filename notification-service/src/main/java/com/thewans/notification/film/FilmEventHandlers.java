package com.thewans.notification.film;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.thewans.common.events.EventHandler;

/** film.created, .updated and .archived keep the film view; film.published is the release package's. */
@Configuration(proxyBeanMethods = false)
class FilmEventHandlers {

    @Bean
    EventHandler filmCreatedHandler(Films films) {
        return EventHandler.of("film.created", FilmChanged.class, (film, event) -> films.remember(film));
    }

    @Bean
    EventHandler filmUpdatedHandler(Films films) {
        return EventHandler.of("film.updated", FilmChanged.class, (film, event) -> films.remember(film));
    }

    @Bean
    EventHandler filmArchivedHandler(Films films) {
        return EventHandler.of("film.archived", FilmChanged.class, (film, event) -> films.remember(film));
    }
}
