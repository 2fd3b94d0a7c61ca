package com.thewans.payment.purchase;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** More than what is left of the payment was asked back. */
class RefundTooLarge extends WansException {

    RefundTooLarge(UUID transactionId, long asked, long refundable) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "refund-too-large",
                "At most " + refundable + " (minor units) of this payment can still be refunded");
        with("transactionId", transactionId);
        with("requested", asked);
        with("refundable", refundable);
    }
}
