package com.thewans.catalog.film;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

class FilmIncomplete extends WansException {

    FilmIncomplete(UUID filmId, List<String> missing) {
        super(HttpStatus.CONFLICT, "film-incomplete",
                "Add " + String.join(", ", missing) + " before publishing the film");
        with("filmId", filmId);
        with("missing", missing);
    }
}
