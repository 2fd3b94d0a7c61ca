package com.thewans.royalty.monthly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.royalty.RoyaltyTestSupport;
import com.thewans.royalty.calculation.RoyaltyCalculation;
import com.thewans.royalty.payout.Payouts;
import com.thewans.royalty.period.PeriodBook;

class MonthlyRunTest extends RoyaltyTestSupport {

    @Autowired
    RoyaltyCalculation calculation;

    @Autowired
    Payouts payouts;

    @Autowired
    PeriodBook periods;

    @Test
    void onTheFirstEveryMonthLeftOpenClosesInOrderAndBalancesOverTheThresholdArePaid() {
        UUID creator = UUID.randomUUID();
        UUID film = catalog.film(creator);
        agreement(film, UUID.randomUUID(), JAN);
        put("/api/royalty/parties/" + creator + "/payee",
                "{\"accountName\":\"Sepik Pictures\",\"bankCode\":\"088\",\"accountNumber\":\"2002345678\"}", admin);
        sale(film, 4400, 400, "PGK", in(JAN, 3));
        sale(film, 4400, 400, "PGK", in(FEB, 3));
        clock.set(in(MAR.plusMonths(1), 1));

        new MonthlyRun(calculation, payouts, periods, clock).run();

        assertThat(periods.closedThrough()).hasValueSatisfying(p -> assertThat(p.toString()).isEqualTo(MAR.toString()));
        assertThat(jdbc.queryForObject("select count(*) from statement where status = 'ISSUED'", Long.class)).isEqualTo(6);
        assertThat(jdbc.queryForObject("select amount from payout where party_id = ?", Long.class, creator))
                .isEqualTo(5600);
    }
}
