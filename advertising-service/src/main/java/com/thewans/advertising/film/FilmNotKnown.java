package com.thewans.advertising.film;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** advertising has not heard of this film from catalog (yet). */
public class FilmNotKnown extends WansException {

    public FilmNotKnown(UUID filmId) {
        super(HttpStatus.NOT_FOUND, "ad-film-not-known", "Advertising knows no film " + filmId);
        with("filmId", filmId);
    }
}
