package com.thewans.payment.plan;

import java.util.Collection;
import java.util.List;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The plan has no price in the currency asked for. */
class PlanNotSoldIn extends WansException {

    PlanNotSoldIn(String code, String currency, Collection<String> currencies) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "currency-not-offered",
                "The plan " + code + " is not sold in " + currency);
        with("currency", currency);
        with("currencies", List.copyOf(currencies).stream().sorted().toList());
    }
}
