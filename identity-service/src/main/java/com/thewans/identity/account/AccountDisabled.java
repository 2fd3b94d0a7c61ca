package com.thewans.identity.account;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Told only to someone who proved the password (or wallet): the account exists but is disabled. */
public class AccountDisabled extends WansException {

    public AccountDisabled() {
        super(HttpStatus.FORBIDDEN, "account-disabled",
                "This account has been disabled; contact THE WANS support if you think this is a mistake");
    }
}
