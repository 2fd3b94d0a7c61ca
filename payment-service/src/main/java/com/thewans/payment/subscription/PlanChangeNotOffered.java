package com.thewans.payment.subscription;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The subscription cannot move to that plan now; {@code detail} says why and what the viewer can do instead. */
class PlanChangeNotOffered extends WansException {

    PlanChangeNotOffered(UUID subscriptionId, String why) {
        super(HttpStatus.CONFLICT, "plan-change-not-offered", "The plan cannot be changed: " + why);
        with("subscriptionId", subscriptionId);
    }
}
