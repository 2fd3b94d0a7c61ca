package com.thewans.recommendation.row;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** 404: no film.* event has told this service about the film. */
class FilmNotFound extends WansException {

    FilmNotFound(UUID filmId) {
        super(HttpStatus.NOT_FOUND, "film-not-found", "There is no film " + filmId);
        with("filmId", filmId);
    }
}
