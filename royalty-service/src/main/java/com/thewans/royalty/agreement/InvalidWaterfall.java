package com.thewans.royalty.agreement;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A waterfall step or share that cannot be applied (a FEE without bps, a RECOUP without its amount, a party unknown). */
public class InvalidWaterfall extends WansException {

    InvalidWaterfall(String detail) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-agreement-terms", detail);
    }
}
