package com.thewans.catalog.genre;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A genre slug that is taken, or a genre still used by films that cannot be deleted. */
class GenreConflict extends WansException {

    GenreConflict(String code, String detail) {
        super(HttpStatus.CONFLICT, code, detail);
    }
}
