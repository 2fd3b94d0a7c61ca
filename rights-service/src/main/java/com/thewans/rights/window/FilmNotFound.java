package com.thewans.rights.window;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The catalog does not know the film (404 wherever it is named: path or body, as catalog itself answers). */
class FilmNotFound extends WansException {

    FilmNotFound(UUID filmId) {
        super(HttpStatus.NOT_FOUND, "film-not-found", "The catalog has no film " + filmId);
        with("filmId", filmId);
    }
}
