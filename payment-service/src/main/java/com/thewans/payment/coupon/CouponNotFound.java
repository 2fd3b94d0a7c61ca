package com.thewans.payment.coupon;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** No coupon with that code (codes are not case-sensitive). */
class CouponNotFound extends WansException {

    CouponNotFound(String code) {
        super(HttpStatus.NOT_FOUND, "coupon-not-found", "There is no coupon " + code);
        with("coupon", code);
    }
}
