package com.thewans.royalty.period;

import java.sql.Date;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which months are closed: every one up to {@code closed_through}. Booking a ledger entry takes the
 * shared side of one advisory lock and closing a period the exclusive side, so no entry lands in a
 * period while it is being closed: it waits and goes to the next one.
 */
@Component
public class PeriodBook {

    /** The advisory lock key of "the periods": 'ROYP' in ASCII. */
    static final long PERIODS_LOCK = 0x524F5950L;

    private final JdbcTemplate jdbc;

    PeriodBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Period> closedThrough() {
        Date closed = jdbc.queryForObject("select closed_through from period_book where id = 1", Date.class);
        return Optional.ofNullable(closed).map(d -> Period.of(d.toLocalDate()));
    }

    public boolean isClosed(Period period) {
        return closedThrough().map(c -> !period.isAfter(c)).orElse(false);
    }

    /** The period an event of {@code own} is booked in: its own, or the first open one after a close. */
    public Period bookingPeriodFor(Period own) {
        return closedThrough().filter(c -> !own.isAfter(c)).map(Period::next).orElse(own);
    }

    /** Inside a booking transaction: a close waits for it, and it for a close. */
    public void holdForBooking() {
        jdbc.queryForObject("select pg_advisory_xact_lock_shared(?)", Object.class, PERIODS_LOCK);
    }

    /** Inside a calculation or close: one at a time, and no booking meanwhile. */
    public void holdExclusively() {
        jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, PERIODS_LOCK);
    }

    /** The earliest month with revenue that is not closed yet, if any. */
    public Optional<Period> earliestOpenWithRevenue() {
        Date closed = jdbc.queryForObject("select closed_through from period_book where id = 1", Date.class);
        Date earliest = jdbc.queryForObject("select min(period) from ledger_entry where ?::date is null or period > ?::date",
                Date.class, closed, closed);
        return Optional.ofNullable(earliest).map(d -> Period.of(d.toLocalDate()));
    }

    public void markClosedThrough(Period period) {
        jdbc.update("update period_book set closed_through = ? where id = 1", Date.valueOf(period.firstDay()));
    }
}
