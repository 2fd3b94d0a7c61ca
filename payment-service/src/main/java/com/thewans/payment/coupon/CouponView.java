package com.thewans.payment.coupon;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.thewans.payment.web.Money;

/** A coupon as admins see it, with how many of its uses are taken. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CouponView(String code, String description, Integer percentOff, List<Money> amountsOff, List<String> appliesTo,
        List<String> planCodes, Instant validFrom, Instant validUntil, Integer maxRedemptions, int maxPerUser,
        int redeemed, Instant disabledAt) {

    static CouponView of(Coupon c) {
        return new CouponView(c.code(), c.description(), c.percentOff(),
                c.amountsOff().entrySet().stream().map(e -> new Money(e.getValue(), e.getKey())).toList(),
                c.appliesTo(), c.planCodes(), c.validFrom(), c.validUntil(), c.maxRedemptions(), c.maxPerUser(),
                c.redeemedCount(), c.disabledAt());
    }
}
