package com.thewans.payment.webhook;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A webhook that does not prove it comes from the provider, or is too old to be believed. */
class InvalidWebhookSignature extends WansException {

    InvalidWebhookSignature(String why) {
        super(HttpStatus.BAD_REQUEST, "invalid-webhook-signature", "The webhook is not signed as expected: " + why);
    }
}
