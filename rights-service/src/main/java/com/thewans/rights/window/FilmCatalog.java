package com.thewans.rights.window;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.thewans.common.client.ServiceClient;
import com.thewans.common.client.ServiceClients;
import com.thewans.common.problem.WansException;

/** What rights needs to know about films, asked of catalog-service with the caller's token. */
@Component
class FilmCatalog {

    /** Our own small view of catalog's film (tolerant reader). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CatalogFilm(UUID id, UUID creatorId, String status) {
    }

    private final ServiceClient catalog;

    FilmCatalog(ServiceClients clients) {
        this.catalog = clients.forService("catalog");
    }

    /** The film, or a 404 {@code film-not-found} when the catalog does not know it; a catalog that is down is a 503. */
    CatalogFilm require(UUID filmId) {
        try {
            CatalogFilm film = catalog.get("/api/films/{id}", CatalogFilm.class, filmId);
            if (film == null) {
                throw new FilmNotFound(filmId);
            }
            return film;
        } catch (WansException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw new FilmNotFound(filmId);
            }
            throw e;
        }
    }
}
