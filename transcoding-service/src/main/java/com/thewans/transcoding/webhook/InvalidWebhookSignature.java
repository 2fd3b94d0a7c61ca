package com.thewans.transcoding.webhook;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/**
 * A webhook request not signed by a known worker just now; an unknown worker and a wrong signature
 * look the same from outside.
 */
class InvalidWebhookSignature extends WansException {

    InvalidWebhookSignature(String detail) {
        super(HttpStatus.UNAUTHORIZED, "invalid-webhook-signature", detail);
    }
}
