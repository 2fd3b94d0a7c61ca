package com.thewans.transcoding.keys;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The film has no content key yet: it was never transcoded. */
class ContentKeyNotFound extends WansException {

    ContentKeyNotFound(UUID filmId) {
        super(HttpStatus.NOT_FOUND, "content-key-not-found",
                "This film has no content key yet (it was never transcoded)");
        with("filmId", filmId);
    }
}
