package com.thewans.catalog.film;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

class FilmStatusConflict extends WansException {

    FilmStatusConflict(UUID filmId, FilmStatus status, String action) {
        super(HttpStatus.CONFLICT, "film-status-conflict", "A " + status + " film cannot " + action);
        with("filmId", filmId);
        with("filmStatus", status);
    }
}
