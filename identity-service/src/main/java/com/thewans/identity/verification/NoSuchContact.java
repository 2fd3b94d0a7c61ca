package com.thewans.identity.verification;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The account has no email or phone of the channel asked to verify. */
class NoSuchContact extends WansException {

    NoSuchContact(String what) {
        super(HttpStatus.CONFLICT, "no-such-contact", "The account has no " + what + " to verify");
    }
}
