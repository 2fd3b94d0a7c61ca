package com.thewans.identity.verification;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The contact is verified already; no code is sent. */
class AlreadyVerified extends WansException {

    AlreadyVerified() {
        super(HttpStatus.CONFLICT, "already-verified", "This is verified already");
    }
}
