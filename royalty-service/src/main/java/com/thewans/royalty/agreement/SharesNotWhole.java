package com.thewans.royalty.agreement;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The shares of one revenue kind do not add up to exactly 10 000 basis points (or name a party twice). */
public class SharesNotWhole extends WansException {

    SharesNotWhole(String kind, long sum, String why) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "shares-not-whole", "The " + kind + " shares " + why);
        with("revenueKind", kind);
        with("sumBps", sum);
    }
}
