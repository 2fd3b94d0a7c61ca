package com.thewans.playback.session;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/**
 * A playback token that does not open what it was shown for: 401 {@code playback-token-invalid}
 * (missing, forged, malformed or expired) or 403 {@code playback-token-mismatch} (another film's or
 * session's).
 */
public class PlaybackTokenRefused extends WansException {

    private PlaybackTokenRefused(HttpStatus status, String code, String detail) {
        super(status, code, detail);
    }

    static PlaybackTokenRefused invalid(String why) {
        return new PlaybackTokenRefused(HttpStatus.UNAUTHORIZED, "playback-token-invalid",
                "The playback token is " + why + "; ask for a fresh one");
    }

    static PlaybackTokenRefused mismatch(String what) {
        return new PlaybackTokenRefused(HttpStatus.FORBIDDEN, "playback-token-mismatch",
                "The playback token is for another " + what);
    }
}
