package com.thewans.identity.wallet;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Text that is not an EIP-4361 (Sign-In with Ethereum) message. */
class InvalidSiweMessage extends WansException {

    InvalidSiweMessage(String detail) {
        super(HttpStatus.BAD_REQUEST, "invalid-siwe-message", detail);
    }
}
