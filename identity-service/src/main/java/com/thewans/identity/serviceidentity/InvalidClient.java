package com.thewans.identity.serviceidentity;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A service token asked for with an unknown client id or a wrong secret (the two look the same). */
class InvalidClient extends WansException {

    InvalidClient() {
        super(HttpStatus.UNAUTHORIZED, "invalid-client", "The client id and secret do not match a service identity");
    }
}
