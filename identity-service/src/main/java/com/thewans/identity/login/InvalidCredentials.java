package com.thewans.identity.login;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The one answer to every wrong sign-in, whether or not the account exists. */
class InvalidCredentials extends WansException {

    InvalidCredentials() {
        super(HttpStatus.UNAUTHORIZED, "invalid-credentials", "The email or phone number and password do not match");
    }
}
