package com.thewans.catalog.genre;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

public class GenreNotFound extends WansException {

    public GenreNotFound(String idOrSlug) {
        super(HttpStatus.NOT_FOUND, "genre-not-found", "There is no genre " + idOrSlug);
        with("genre", idOrSlug);
    }
}
