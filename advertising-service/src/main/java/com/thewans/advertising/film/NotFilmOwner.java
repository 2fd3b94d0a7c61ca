package com.thewans.advertising.film;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Only the film's creator (or an admin) says where its ad breaks go. */
class NotFilmOwner extends WansException {

    NotFilmOwner(UUID filmId) {
        super(HttpStatus.FORBIDDEN, "not-film-owner", "Only the film's creator or an admin may set its ad breaks");
        with("filmId", filmId);
    }
}
