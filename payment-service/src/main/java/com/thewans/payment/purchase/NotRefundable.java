package com.thewans.payment.purchase;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Only captured money that has not all gone back can be refunded. */
class NotRefundable extends WansException {

    NotRefundable(UUID transactionId, Transaction.Status status) {
        super(HttpStatus.CONFLICT, "transaction-not-refundable",
                "A " + status + " payment has nothing to refund");
        with("transactionId", transactionId);
        with("transactionStatus", status);
    }
}
