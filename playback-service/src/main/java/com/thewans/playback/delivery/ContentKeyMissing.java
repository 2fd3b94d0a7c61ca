package com.thewans.playback.delivery;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** 404: transcoding has no content key for the film (it was never transcoded, or its key was removed). */
class ContentKeyMissing extends WansException {

    ContentKeyMissing(UUID filmId) {
        super(HttpStatus.NOT_FOUND, "content-key-not-found", "There is no content key for film " + filmId);
        with("filmId", filmId);
    }
}
