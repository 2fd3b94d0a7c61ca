package com.thewans.identity.login;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Changing the password needs the current one, and it was not right. */
class WrongPassword extends WansException {

    WrongPassword() {
        super(HttpStatus.FORBIDDEN, "wrong-password", "The current password is not right");
    }
}
