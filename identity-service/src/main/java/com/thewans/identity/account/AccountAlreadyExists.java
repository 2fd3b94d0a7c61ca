package com.thewans.identity.account;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

class AccountAlreadyExists extends WansException {

    AccountAlreadyExists(String field) {
        super(HttpStatus.CONFLICT, "account-exists",
                "An account with this " + ("email".equals(field) ? "email" : "phone number")
                        + " already exists; sign in, or reset the password");
        with("field", field);
    }
}
