package com.thewans.identity.wallet;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A wallet sign-in that does not hold: wrong signature, unknown or used nonce, a message for another site. */
class WalletSignInRefused extends WansException {

    WalletSignInRefused(String detail) {
        super(HttpStatus.UNAUTHORIZED, "wallet-sign-in-refused", detail);
    }
}
