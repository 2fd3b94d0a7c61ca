package com.thewans.payment.idempotency;

import java.util.List;

import com.thewans.common.problem.InvalidField;
import com.thewans.common.problem.Problems;

/** Requests that move money must say which attempt they are, so a retry never pays twice. */
class IdempotencyKeyMissing extends InvalidField {

    IdempotencyKeyMissing() {
        super(List.of(new Problems.FieldError(IdempotentRequests.HEADER,
                "is required: a unique value (a UUID) per purchase, sent again unchanged on retries")));
    }
}
