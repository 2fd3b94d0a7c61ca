package com.thewans.playback.session;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** 403: the session belongs to someone else. */
class SessionOfAnotherViewer extends WansException {

    SessionOfAnotherViewer(UUID sessionId) {
        super(HttpStatus.FORBIDDEN, "session-of-another-viewer", "Playback session " + sessionId
                + " is not yours");
        with("sessionId", sessionId);
    }
}
