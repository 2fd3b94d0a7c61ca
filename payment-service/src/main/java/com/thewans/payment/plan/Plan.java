package com.thewans.payment.plan;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A subscription plan as stored. Prices are per currency in minor units (toea for PGK, cents for
 * USD); a retired plan takes no new subscribers and keeps the ones it has.
 */
public record Plan(UUID id, String code, String name, String description, BillingInterval interval, int trialDays,
        int maxStreams, String maxQuality, boolean withAds, Map<String, Long> prices, Instant retiredAt) {

    public enum BillingInterval { MONTH, YEAR }

    public boolean retired() {
        return retiredAt != null;
    }

    /** The price in a currency, or a 422 naming the currencies the plan has. */
    public long priceIn(String currency) {
        Long amount = prices.get(currency);
        if (amount == null) {
            throw new PlanNotSoldIn(code, currency, prices.keySet());
        }
        return amount;
    }
}
