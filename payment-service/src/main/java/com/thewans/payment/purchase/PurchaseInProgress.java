package com.thewans.payment.purchase;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The viewer is already paying for this; a second payment would charge twice. Finish (or let expire) that one. */
class PurchaseInProgress extends WansException {

    PurchaseInProgress(UUID pending) {
        super(HttpStatus.CONFLICT, "purchase-in-progress",
                "You are already paying for this; finish that payment or wait for it to expire");
        with("transactionId", pending);
    }
}
