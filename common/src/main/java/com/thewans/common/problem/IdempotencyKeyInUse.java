package com.thewans.common.problem;

import org.springframework.http.HttpStatus;

/** The first request with this key is still running after the wait: retry later for its answer. */
public class IdempotencyKeyInUse extends WansException {

    public IdempotencyKeyInUse(String key) {
        super(HttpStatus.CONFLICT, "idempotency-key-in-use",
                "A request with this Idempotency-Key is still being processed; retry shortly for its answer");
        with("idempotencyKey", key);
        header("Retry-After", "2");
    }
}
