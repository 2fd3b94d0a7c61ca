package com.thewans.rights.entitlement;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A viewer asked whether someone else may watch a film: only services and admins may ask that. */
class CheckOfAnotherUser extends WansException {

    CheckOfAnotherUser() {
        super(HttpStatus.FORBIDDEN, "forbidden", "Only services and admins may check another user's access");
    }
}
