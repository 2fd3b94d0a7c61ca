package com.thewans.identity.account;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A state change that does not fit the account's current state (disabling a disabled account). */
public class AccountStateConflict extends WansException {

    public AccountStateConflict(String code, String detail) {
        super(HttpStatus.CONFLICT, code, detail);
    }
}
