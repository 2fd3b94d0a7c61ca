package com.thewans.royalty.period;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A calculation for a month that has not begun, or a close of one that has not ended. */
public class PeriodInFuture extends WansException {

    public PeriodInFuture(Period period, String what) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "period-not-ended", "Royalty period " + period + " " + what);
        with("period", period.toString());
    }
}
