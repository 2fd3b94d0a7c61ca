package com.thewans.payment.plan;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A new plan's code is taken (codes are how clients and subscriptions name plans). */
class PlanExists extends WansException {

    PlanExists(String code) {
        super(HttpStatus.CONFLICT, "plan-exists", "There is a plan " + code + " already");
        with("plan", code);
    }
}
