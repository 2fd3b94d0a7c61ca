package com.thewans.common.problem;

import org.springframework.http.HttpStatus;

/** The key was used for a request with another body: a client bug that must not act twice. */
public class IdempotencyKeyReused extends WansException {

    public IdempotencyKeyReused(String key) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "This Idempotency-Key was used for a different request; use a new key for a new request");
        with("idempotencyKey", key);
    }
}
