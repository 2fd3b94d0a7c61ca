package com.thewans.transcoding.job;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** catalog-service has no film with that id. */
public class FilmNotFound extends WansException {

    public FilmNotFound(UUID filmId) {
        super(HttpStatus.NOT_FOUND, "film-not-found", "There is no film " + filmId);
        with("filmId", filmId);
    }
}
