package com.thewans.royalty.payout;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The payout is not in a state that allows this step (a paid one cannot fail, a sent one cannot be retried). */
public class PayoutStateConflict extends WansException {

    PayoutStateConflict(UUID id, PayoutStatus status, String step) {
        super(HttpStatus.CONFLICT, "payout-state-conflict", "Payout " + id + " is " + status + ": it cannot be " + step);
        with("payoutId", id);
        with("payoutStatus", status.name());
    }
}
