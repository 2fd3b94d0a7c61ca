package com.thewans.royalty.period;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Periods close in order: an earlier one with revenue is still open. */
public class EarlierPeriodOpen extends WansException {

    public EarlierPeriodOpen(Period period, Period earlier) {
        super(HttpStatus.CONFLICT, "earlier-period-open", "Close " + earlier + " before " + period
                + ": what was recouped and carried there feeds the later one");
        with("period", period.toString());
        with("openPeriod", earlier.toString());
    }
}
