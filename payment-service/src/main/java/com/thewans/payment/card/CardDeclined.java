package com.thewans.payment.card;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The card was declined where no payment is left open to retry (a subscription's first charge). */
public class CardDeclined extends WansException {

    CardDeclined(String declineCode) {
        super(HttpStatus.PAYMENT_REQUIRED, "card-declined",
                "The card was declined" + (declineCode == null ? "" : " (" + declineCode + ")") + "; try another card");
        with("declineCode", declineCode == null ? "card_declined" : declineCode);
    }
}
