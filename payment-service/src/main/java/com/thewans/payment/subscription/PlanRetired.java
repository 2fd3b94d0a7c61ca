package com.thewans.payment.subscription;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A retired plan takes no new subscribers (the ones on it keep it). */
class PlanRetired extends WansException {

    PlanRetired(String code) {
        super(HttpStatus.CONFLICT, "plan-retired", "The plan " + code + " takes no new subscribers");
        with("plan", code);
    }
}
