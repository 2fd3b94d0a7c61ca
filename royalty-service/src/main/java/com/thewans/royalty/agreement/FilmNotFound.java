package com.thewans.royalty.agreement;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

public class FilmNotFound extends WansException {

    FilmNotFound(UUID filmId) {
        super(HttpStatus.NOT_FOUND, "film-not-found", "catalog-service has no film " + filmId);
        with("filmId", filmId);
    }
}
