package com.thewans.identity.web;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Too many attempts: a 429 whose Retry-After header (and {@code retryAfterSeconds}) says when to come back. */
public class Throttled extends WansException {

    private final Duration retryAfter;

    public Throttled(String code, String detail, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, code, detail);
        this.retryAfter = retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter;
        with("retryAfterSeconds", retryAfterSeconds());
        header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds()));
    }

    public long retryAfterSeconds() {
        // round up: a client that waits exactly this long must not be refused again
        return (retryAfter.toMillis() + 999) / 1000;
    }
}
