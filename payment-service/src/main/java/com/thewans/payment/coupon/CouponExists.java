package com.thewans.payment.coupon;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A new coupon's code is taken. */
class CouponExists extends WansException {

    CouponExists(String code) {
        super(HttpStatus.CONFLICT, "coupon-exists", "There is a coupon " + code + " already");
        with("coupon", code);
    }
}
