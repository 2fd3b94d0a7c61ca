package com.thewans.identity.session;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Something only a signed-in person can do, asked with a service token (it has no session). */
class SessionRequired extends WansException {

    SessionRequired() {
        super(HttpStatus.FORBIDDEN, "session-required", "This needs a person's signed-in session; service tokens have none");
    }
}
