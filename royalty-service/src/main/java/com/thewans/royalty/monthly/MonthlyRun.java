package com.thewans.royalty.monthly;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.thewans.common.problem.WansException;
import com.thewans.royalty.calculation.RoyaltyCalculation;
import com.thewans.royalty.payout.Payouts;
import com.thewans.royalty.period.Period;
import com.thewans.royalty.period.PeriodBook;

/**
 * Early on the 1st: close every month with revenue left open, in order, through last month, then schedule
 * and send payouts. Every instance may run it: closing takes the periods' lock and refuses a closed
 * period, scheduling takes the payouts' lock and pays only statements no payout names.
 */
@Component
@ConditionalOnProperty(name = "wans.royalty.monthly-enabled", havingValue = "true", matchIfMissing = true)
class MonthlyRun {

    private static final Logger log = LoggerFactory.getLogger(MonthlyRun.class);

    private final RoyaltyCalculation calculation;
    private final Payouts payouts;
    private final PeriodBook periods;
    private final Clock clock;

    MonthlyRun(RoyaltyCalculation calculation, Payouts payouts, PeriodBook periods, Clock clock) {
        this.calculation = calculation;
        this.payouts = payouts;
        this.periods = periods;
        this.clock = clock;
    }

    @Scheduled(cron = "${wans.royalty.monthly-cron:0 0 2 1 * *}", zone = "UTC")
    void run() {
        Period last = Period.current(clock).previous();
        Period month = periods.earliestOpenWithRevenue().filter(p -> !p.isAfter(last)).orElse(last);
        for (; !month.isAfter(last); month = month.next()) {
            if (periods.isClosed(month)) {
                continue;
            }
            try {
                calculation.close(month);
            } catch (WansException e) {
                // another instance closed it meanwhile; the report shows what is open
                log.warn("Royalty period {} not closed: {}", month, e.getMessage());
            }
        }
        payouts.schedule();
        payouts.send();
    }
}
