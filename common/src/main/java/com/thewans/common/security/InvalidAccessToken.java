package com.thewans.common.security;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A bearer token that is expired, forged, not for us, or otherwise unacceptable. */
public class InvalidAccessToken extends WansException {

    public InvalidAccessToken(String detail) {
        super(HttpStatus.UNAUTHORIZED, "invalid-token", detail);
    }
}
