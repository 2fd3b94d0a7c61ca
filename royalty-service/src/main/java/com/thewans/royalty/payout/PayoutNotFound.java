package com.thewans.royalty.payout;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

public class PayoutNotFound extends WansException {

    PayoutNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, "payout-not-found", "There is no payout " + id);
        with("payoutId", id);
    }
}
