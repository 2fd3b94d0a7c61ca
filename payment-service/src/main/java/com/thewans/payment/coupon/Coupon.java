package com.thewans.payment.coupon;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A coupon as stored: a percentage, or a fixed amount per currency, off the purchase kinds (and
 * plans) it names, between two times, a limited number of times in all and per viewer.
 */
public record Coupon(UUID id, String code, String description, Integer percentOff, Map<String, Long> amountsOff,
        List<String> appliesTo, List<String> planCodes, Instant validFrom, Instant validUntil, Integer maxRedemptions,
        int maxPerUser, int redeemedCount, Instant disabledAt) {

    /**
     * The least a discounted price may be, per currency: Stripe's smallest charge (US$ 0.50), and
     * K 1.00 for kina. A coupon that would go below takes the price down to it, not under.
     */
    static final Map<String, Long> LEAST_PRICE = Map.of("USD", 50L, "PGK", 100L);

    /** What the coupon takes off a price in a currency; never more than leaves the least price. */
    long discountOn(long price, String currency) {
        long off;
        if (percentOff != null) {
            off = (price * percentOff + 50) / 100;
        } else {
            Long amount = amountsOff.get(currency);
            if (amount == null) {
                throw new CouponNotApplicable(code, "it has no amount in " + currency);
            }
            off = amount;
        }
        long least = LEAST_PRICE.getOrDefault(currency, 1L);
        return Math.max(0, Math.min(off, price - least));
    }

    /** Refuses a coupon that is off, not yet or no longer valid, or not for this purchase. */
    void requireUsable(Instant now, String kind, String planCode) {
        if (disabledAt != null || (validUntil != null && !now.isBefore(validUntil))) {
            throw new CouponExpired(code);
        }
        if (now.isBefore(validFrom)) {
            throw new CouponNotApplicable(code, "it is valid from " + validFrom);
        }
        if (!appliesTo.contains(kind)) {
            throw new CouponNotApplicable(code, "it is for " + String.join(", ", appliesTo));
        }
        if (planCode != null && !planCodes.isEmpty() && !planCodes.contains(planCode)) {
            throw new CouponNotApplicable(code, "it is for the plans " + String.join(", ", planCodes));
        }
        if (maxRedemptions != null && redeemedCount >= maxRedemptions) {
            throw new CouponExhausted(code);
        }
    }
}
