package com.thewans.playback.session;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** 404: no playback session of that id (or, for a fresh token, no live session of the film). */
class SessionNotFound extends WansException {

    private SessionNotFound(String detail) {
        super(HttpStatus.NOT_FOUND, "session-not-found", detail);
    }

    static SessionNotFound of(UUID sessionId) {
        return new SessionNotFound("There is no playback session " + sessionId).with("sessionId", sessionId);
    }

    static SessionNotFound forFilm(UUID filmId) {
        return new SessionNotFound("You are not playing film " + filmId + " on this device; start playback")
                .with("filmId", filmId);
    }
}
