package com.thewans.payment.coupon;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The coupon exists but not for this purchase (another kind, plan or currency, not yet valid, or used up by this viewer). */
class CouponNotApplicable extends WansException {

    CouponNotApplicable(String code, String why) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "coupon-not-applicable",
                "The coupon " + code + " does not apply here: " + why);
        with("coupon", code);
    }
}
