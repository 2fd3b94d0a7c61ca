package com.thewans.royalty.period;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The period is closed: its statements are issued and never change. */
public class PeriodClosed extends WansException {

    public PeriodClosed(Period period, Period closedThrough) {
        super(HttpStatus.CONFLICT, "period-closed", "Royalty period " + period + " is closed (every month through "
                + closedThrough + " is); a change lands in the next open period");
        with("period", period.toString());
        with("closedThrough", closedThrough.toString());
    }
}
