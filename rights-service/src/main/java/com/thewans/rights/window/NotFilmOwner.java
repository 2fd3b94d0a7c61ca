package com.thewans.rights.window;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A creator asked for the windows of a film that is not theirs (only its creator and admins may see them). */
class NotFilmOwner extends WansException {

    NotFilmOwner(UUID filmId) {
        super(HttpStatus.FORBIDDEN, "forbidden", "Only the film's creator or an admin may see its windows");
        with("filmId", filmId);
    }
}
