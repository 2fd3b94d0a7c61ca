package com.thewans.payment.coupon;

import java.time.Instant;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * What an admin may change of a coupon once viewers may hold it; a field left out stays as it is.
 * What it takes off and what it applies to stay fixed: a viewer who checked it was told so.
 */
record CouponChangeRequest(
        @Size(max = 300) String description,
        Instant validUntil,
        @Positive Integer maxRedemptions,
        @Positive Integer maxPerUser) {
}
