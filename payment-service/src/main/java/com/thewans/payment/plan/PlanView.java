package com.thewans.payment.plan;

import java.time.Instant;
import java.util.List;

import com.thewans.payment.web.Money;

/** A plan as clients see it: prices with their display form ("K 15.00"). */
record PlanView(String code, String name, String description, Plan.BillingInterval interval, int trialDays,
        int maxStreams, String maxQuality, boolean withAds, List<Money> prices, Instant retiredAt) {

    static PlanView of(Plan plan) {
        return new PlanView(plan.code(), plan.name(), plan.description(), plan.interval(), plan.trialDays(),
                plan.maxStreams(), plan.maxQuality(), plan.withAds(),
                plan.prices().entrySet().stream().map(e -> new Money(e.getValue(), e.getKey())).toList(),
                plan.retiredAt());
    }
}
