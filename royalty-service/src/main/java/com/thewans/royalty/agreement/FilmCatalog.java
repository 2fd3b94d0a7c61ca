package com.thewans.royalty.agreement;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.thewans.common.client.ServiceClient;
import com.thewans.common.client.ServiceClients;
import com.thewans.common.problem.WansException;

/** Who made a film (its producer party), asked of catalog-service with the caller's token. */
@Component
class FilmCatalog {

    /** Our own small view of catalog's film (tolerant reader). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CatalogFilm(UUID id, UUID creatorId, String title) {
    }

    private final ServiceClient catalog;

    FilmCatalog(ServiceClients clients) {
        this.catalog = clients.forService("catalog");
    }

    CatalogFilm require(UUID filmId) {
        try {
            CatalogFilm film = catalog.get("/api/films/{id}", CatalogFilm.class, filmId);
            if (film == null || film.creatorId() == null) {
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
