package com.thewans.transcoding.job;

import java.util.UUID;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.thewans.common.client.ServiceClient;
import com.thewans.common.client.ServiceClients;
import com.thewans.common.security.CurrentUser;
import com.thewans.common.security.Role;

/**
 * Asks catalog-service (with the caller's token) who owns a film: creators may only transcode
 * their own films, admins any. Our own small view of catalog's film (tolerant reader).
 */
@Component
public class FilmCatalog {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record CatalogFilm(UUID id, UUID creatorId, String status) {
    }

    private final ServiceClient catalog;

    FilmCatalog(ServiceClients clients) {
        this.catalog = clients.forService("catalog");
    }

    /** Refuses unless the caller is an admin or the creator who owns the film; answers the owner. */
    public UUID requireCanTranscode(CurrentUser user, UUID filmId) {
        if (!user.isAdmin() && !user.has(Role.CREATOR)) {
            throw new CreatorsOnly();
        }
        CatalogFilm film = catalog.find("/api/films/{id}", CatalogFilm.class, filmId)
                .orElseThrow(() -> new FilmNotFound(filmId));
        if (!user.isAdmin() && (film.creatorId() == null || !film.creatorId().equals(user.userId()))) {
            throw new NotFilmOwner(filmId);
        }
        // an admin's job still belongs to the film's creator, who sees it and is told when it ends
        return film.creatorId() == null ? user.userId() : film.creatorId();
    }
}
