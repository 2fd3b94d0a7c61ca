package com.thewans.payment.card;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The provider refused the request itself (not a declined card): a bad payment method id, a refund too large. */
public class CardRefused extends WansException {

    CardRefused(String code, String message) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "provider-refused",
                "The card provider refused: " + (message == null ? code : message));
        with("providerCode", code == null ? "unknown" : code);
    }
}
