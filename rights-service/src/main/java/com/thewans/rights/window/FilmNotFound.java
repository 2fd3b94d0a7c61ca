package com.thewans.rights.window;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The catalog does not know the film a window was asked for. */
class FilmNotFound extends WansException {

    FilmNotFound(UUID filmId) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "film-not-found", "The catalog has no film " + filmId);
        with("filmId", filmId);
    }
}
