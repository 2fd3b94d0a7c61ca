package com.thewans.identity.session;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A refresh that cannot continue a session; the client must sign in again. */
class SessionRefused extends WansException {

    private SessionRefused(String code, String detail) {
        super(HttpStatus.UNAUTHORIZED, code, detail);
    }

    static SessionRefused unknownToken() {
        return new SessionRefused("invalid-refresh-token", "The refresh token is not valid; sign in again");
    }

    static SessionRefused expiredToken() {
        return new SessionRefused("invalid-refresh-token", "The refresh token has expired; sign in again");
    }

    static SessionRefused ended() {
        return new SessionRefused("session-ended", "This session has ended; sign in again");
    }

    static SessionRefused reused() {
        return new SessionRefused("refresh-token-reused",
                "This refresh token was already used, so the session has been ended to protect the account; "
                        + "sign in again");
    }
}
