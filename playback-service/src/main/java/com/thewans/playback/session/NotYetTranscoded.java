package com.thewans.playback.session;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** 409: the film has no completed transcode yet, so there is nothing to play. */
class NotYetTranscoded extends WansException {

    NotYetTranscoded(UUID filmId) {
        super(HttpStatus.CONFLICT, "not-yet-transcoded", "This film is not ready to play yet");
        with("filmId", filmId);
    }
}
