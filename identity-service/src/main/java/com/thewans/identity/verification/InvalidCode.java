package com.thewans.identity.verification;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Wrong, expired, used, replaced or out of attempts: one answer, so it reveals nothing. */
class InvalidCode extends WansException {

    InvalidCode() {
        super(HttpStatus.BAD_REQUEST, "invalid-code",
                "The code is wrong, has expired or was already used; request a new one if needed");
    }
}
