package com.thewans.payment.idempotency;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The key was used for a request with another body: a client bug that must not move money twice. */
class IdempotencyKeyReused extends WansException {

    IdempotencyKeyReused(String key) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "This Idempotency-Key was used for a different request; use a new key for a new request");
        with("idempotencyKey", key);
    }
}
