package com.thewans.catalog.film;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** No such film, or one the caller may not see (a draft is 404, not 403, to others). */
public class FilmNotFound extends WansException {

    public FilmNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, "film-not-found", "There is no film " + id);
        with("filmId", id);
    }
}
