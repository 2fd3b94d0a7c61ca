package com.thewans.payment.card;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/**
 * The payment provider could not be reached or failed on its side. Nothing was charged twice:
 * the same request again (same Idempotency-Key) resumes the same payment.
 */
public class ProviderUnavailable extends WansException {

    public ProviderUnavailable(String provider, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable",
                "The payment provider is not answering; try again shortly with the same Idempotency-Key", cause);
        with("dependency", provider);
        header("Retry-After", "5");
    }
}
