package com.thewans.payment.plan;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** No plan with that code. */
public class PlanNotFound extends WansException {

    public PlanNotFound(String code) {
        super(HttpStatus.NOT_FOUND, "plan-not-found", "There is no plan " + code);
        with("plan", code);
    }
}
