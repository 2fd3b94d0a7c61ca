package com.thewans.identity.session;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** No active session of the caller with that id. */
class SessionNotFound extends WansException {

    SessionNotFound(UUID sessionId) {
        super(HttpStatus.NOT_FOUND, "session-not-found", "You have no active session " + sessionId);
        with("sessionId", sessionId);
    }
}
