package com.thewans.royalty.report;

import java.sql.Date;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.security.CurrentUser;
import com.thewans.royalty.period.Period;
import com.thewans.royalty.period.PeriodBook;
import com.thewans.royalty.statement.NotYourStatements;
import com.thewans.royalty.statement.StatementReader;
import com.thewans.royalty.statement.StatementView;

/** Earnings per film, per party (creator) and for the platform, read from statements and the ledger. */
@Service
class Reports {

    record Amount(String period, String revenueKind, String currency, long amount) {
    }

    record FilmReport(UUID filmId, List<Amount> earnings, List<PartyTotal> parties, List<Amount> held) {
    }

    record PartyTotal(String period, UUID partyId, String role, String currency, long amount, String status) {
    }

    record CurrencyTotal(String currency, long amount) {
    }

    record CreatorReport(UUID partyId, List<StatementView> statements, List<CurrencyTotal> issued,
            List<CurrencyTotal> draft, List<CurrencyTotal> paid, List<CurrencyTotal> unpaidBalance) {
    }

    record RoleTotal(String role, String currency, long amount) {
    }

    record ReasonTotal(String reason, String currency, long amount) {
    }

    record StatusTotal(String status, String currency, long count, long amount) {
    }

    record PlatformReport(String period, boolean closed, List<Amount> revenue, List<RoleTotal> allocated,
            List<ReasonTotal> held, long statements, List<StatusTotal> payouts) {
    }

    private final JdbcTemplate jdbc;
    private final StatementReader statements;
    private final PeriodBook periods;

    Reports(JdbcTemplate jdbc, StatementReader statements, PeriodBook periods) {
        this.jdbc = jdbc;
        this.statements = statements;
        this.periods = periods;
    }

    /** The film's producer (by its agreements) or an admin. */
    @Transactional(readOnly = true)
    FilmReport film(UUID filmId, CurrentUser caller) {
        if (!caller.isAdmin()) {
            Boolean producer = jdbc.queryForObject("""
                    select exists (select 1 from agreement a join agreement_party p on p.agreement_id = a.id
                    where a.film_id = ? and p.party_id = ? and p.role = 'PRODUCER')""", Boolean.class, filmId,
                    caller.userId());
            if (!Boolean.TRUE.equals(producer)) {
                throw new NotYourStatements();
            }
        }
        List<Amount> earnings = jdbc.query("""
                select s.period, l->>'revenueKind', s.currency, sum((l->>'amount')::bigint)
                from statement s cross join lateral jsonb_array_elements(s.lines) l
                where s.film_id = ? group by 1, 2, 3 order by 1 desc, 2, 3""",
                (rs, i) -> new Amount(period(rs.getDate(1)), rs.getString(2), rs.getString(3), rs.getLong(4)), filmId);
        List<PartyTotal> parties = jdbc.query("""
                select period, party_id, role, currency, amount, status from statement where film_id = ?
                order by period desc, role, party_id, currency limit 1000""",
                (rs, i) -> new PartyTotal(period(rs.getDate(1)), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getString(6)), filmId);
        List<Amount> held = jdbc.query("""
                select period, revenue_kind, currency, amount from held_revenue where film_id = ?
                order by period desc, revenue_kind, currency""",
                (rs, i) -> new Amount(period(rs.getDate(1)), rs.getString(2), rs.getString(3), rs.getLong(4)), filmId);
        return new FilmReport(filmId, earnings, parties, held);
    }

    @Transactional(readOnly = true)
    CreatorReport creator(UUID partyId, Period period, CurrentUser caller) {
        StatementReader.requireOwnOrAdmin(caller, partyId);
        return new CreatorReport(partyId, statements.ofParty(partyId, period),
                totals("status = 'ISSUED'", partyId), totals("status = 'DRAFT'", partyId),
                totals("status = 'ISSUED' and payout_id in (select id from payout where status = 'PAID')", partyId),
                totals("status = 'ISSUED' and (payout_id is null or payout_id in "
                        + "(select id from payout where status <> 'PAID'))", partyId));
    }

    private List<CurrencyTotal> totals(String where, UUID partyId) {
        return jdbc.query("select currency, sum(amount) from statement where party_id = ? and " + where
                + " group by currency order by currency", (rs, i) -> new CurrencyTotal(rs.getString(1), rs.getLong(2)),
                partyId);
    }

    @Transactional(readOnly = true)
    PlatformReport platform(Period period) {
        Date day = Date.valueOf(period.firstDay());
        List<Amount> revenue = jdbc.query("""
                select revenue_kind, currency, sum(amount) from ledger_entry where period = ?
                group by 1, 2 order by 1, 2""",
                (rs, i) -> new Amount(period.toString(), rs.getString(1), rs.getString(2), rs.getLong(3)), day);
        List<RoleTotal> allocated = jdbc.query("""
                select role, currency, sum(amount) from statement where period = ? group by 1, 2 order by 1, 2""",
                (rs, i) -> new RoleTotal(rs.getString(1), rs.getString(2), rs.getLong(3)), day);
        List<ReasonTotal> held = jdbc.query("""
                select reason, currency, sum(amount) from held_revenue where period = ? group by 1, 2 order by 1, 2""",
                (rs, i) -> new ReasonTotal(rs.getString(1), rs.getString(2), rs.getLong(3)), day);
        Long count = jdbc.queryForObject("select count(*) from statement where period = ?", Long.class, day);
        List<StatusTotal> payouts = jdbc.query("""
                select p.status, p.currency, count(distinct p.id), sum(distinct_amount) from (
                    select distinct p.id, p.status, p.currency, p.amount as distinct_amount from payout p
                    join statement s on s.payout_id = p.id where s.period = ?) p group by 1, 2 order by 1, 2""",
                (rs, i) -> new StatusTotal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)), day);
        return new PlatformReport(period.toString(), periods.isClosed(period), revenue, allocated, held,
                count == null ? 0 : count, payouts);
    }

    private static String period(Date date) {
        return Period.of(date.toLocalDate()).toString();
    }
}
