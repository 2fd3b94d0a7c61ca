package com.thewans.payment.mobilemoney;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/**
 * A mobile-money wallet could not be reached, was too slow, failed on its side or would not take
 * our credentials. Nothing is collected twice: the same request again (same Idempotency-Key) asks
 * the wallet under the same reference, which it answers as already asked.
 */
public class WalletUnavailable extends WansException {

    private final transient String why;

    WalletUnavailable(String wallet, String why, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable",
                "The mobile-money wallet is not answering; try again shortly with the same Idempotency-Key", cause);
        with("dependency", "mobile-money");
        with("wallet", wallet);
        header("Retry-After", "5");
        this.why = why;
    }

    /** What went wrong, for the log (never for the client: it may name hosts and statuses). */
    public String why() {
        return why;
    }
}
