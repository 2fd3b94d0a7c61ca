package com.thewans.payment.purchase;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/**
 * The provider that took this payment gives no money back through the platform: a request to pay
 * only collects (a wallet pays out through another product), so the wallet operator refunds it.
 */
class RefundNotOffered extends WansException {

    RefundNotOffered(UUID transactionId, Transaction.Provider provider) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "refund-not-offered",
                "Payments through " + provider.eventName + " cannot be refunded through the platform");
        with("transactionId", transactionId);
        with("provider", provider.eventName);
    }
}
