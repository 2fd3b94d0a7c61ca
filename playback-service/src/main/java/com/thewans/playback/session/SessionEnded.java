package com.thewans.playback.session;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/**
 * 409: the session was stopped, or its lease lapsed and the slot went to another stream: start
 * again. {@code endedBy} is STOPPED, LAPSED or REPLACED (another start on the same device).
 */
public class SessionEnded extends WansException {

    public SessionEnded(UUID sessionId, String endedBy) {
        super(HttpStatus.CONFLICT, "session-ended", "Playback session " + sessionId + " has ended ("
                + endedBy.toLowerCase(java.util.Locale.ROOT) + "); start playback again");
        with("sessionId", sessionId);
        with("endedBy", endedBy);
    }
}
