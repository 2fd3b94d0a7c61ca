package com.thewans.payment.purchase;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** No such payment, or someone else's (404, not 403: payment ids are not to be probed). */
class TransactionNotFound extends WansException {

    TransactionNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, "transaction-not-found", "There is no transaction " + id);
        with("transactionId", id);
    }
}
