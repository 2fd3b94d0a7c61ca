package com.thewans.payment.coupon;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The coupon is past its end, or an admin withdrew it. */
class CouponExpired extends WansException {

    CouponExpired(String code) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "coupon-expired",
                "The coupon " + code + " has expired or was withdrawn");
        with("coupon", code);
    }
}
