package com.thewans.payment.coupon;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Every use of the coupon is taken (uses held by unfinished payments count until they fail). */
class CouponExhausted extends WansException {

    CouponExhausted(String code) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "coupon-exhausted",
                "The coupon " + code + " has been used as often as it may be");
        with("coupon", code);
    }
}
