package com.thewans.identity.account;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Every password-hashing slot is taken: a 503 to retry rather than a queue that grows without bound. */
class SignInBusy extends WansException {

    SignInBusy(String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "sign-in-busy", detail);
    }
}
