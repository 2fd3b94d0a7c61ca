package com.thewans.identity.account;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** No account behind the token or the id: a service token, or an account deleted since. */
public class AccountNotFound extends WansException {

    /** The caller's own account, named by the token. */
    public AccountNotFound() {
        super(HttpStatus.NOT_FOUND, "account-not-found", "There is no account for this token");
    }

    /** An account an administrator named. */
    public AccountNotFound(UUID userId) {
        super(HttpStatus.NOT_FOUND, "account-not-found", "There is no account " + userId);
        with("userId", userId);
    }
}
