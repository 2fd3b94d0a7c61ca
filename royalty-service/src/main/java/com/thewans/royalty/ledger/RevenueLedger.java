package com.thewans.royalty.ledger;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.royalty.agreement.RevenueKind;
import com.thewans.royalty.period.Period;
import com.thewans.royalty.period.PeriodBook;

/**
 * The revenue ledger: append-only, one entry per source event ({@code source_key} is unique and
 * every insert is {@code ON CONFLICT DO NOTHING}, so a redelivered event books nothing twice). An
 * entry is booked in its own month, or in the first open month when its own is closed: that is how
 * a refund after close becomes an adjustment of the next period.
 */
@Component
public class RevenueLedger {

    private final JdbcTemplate jdbc;
    private final PeriodBook periods;
    private final Clock clock;

    RevenueLedger(JdbcTemplate jdbc, PeriodBook periods, Clock clock) {
        this.jdbc = jdbc;
        this.periods = periods;
        this.clock = clock;
    }

    /** One entry; false when its source was booked already. Runs inside the handler's transaction. */
    @Transactional
    public boolean book(String sourceKey, UUID filmId, RevenueKind kind, String territory, String currency,
            long amount, Instant occurredAt) {
        periods.holdForBooking();
        Period own = Period.of(occurredAt);
        Period booked = periods.bookingPeriodFor(own);
        return jdbc.update("""
                insert into ledger_entry (source_key, period, film_id, revenue_kind, territory, currency, amount,
                    occurred_at, adjustment_of, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (source_key) do nothing""",
                sourceKey, Date.valueOf(booked.firstDay()), filmId, kind.name(), territory, currency, amount,
                Timestamp.from(occurredAt), booked.equals(own) ? null : Date.valueOf(own.firstDay()),
                Timestamp.from(clock.instant())) == 1;
    }

    /** One film's entries, newest first, bounded (for the film report's detail). */
    public record Entry(String sourceKey, String period, String revenueKind, String territory, String currency,
            long amount, Instant occurredAt, String adjustmentOf) {
    }

    public List<Entry> ofFilm(UUID filmId, int limit) {
        return jdbc.query("""
                select source_key, period, revenue_kind, territory, currency, amount, occurred_at, adjustment_of
                from ledger_entry where film_id = ? order by occurred_at desc, id desc limit ?""",
                (rs, i) -> new Entry(rs.getString(1), Period.of(rs.getDate(2).toLocalDate()).toString(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getLong(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getDate(8) == null ? null : Period.of(rs.getDate(8).toLocalDate()).toString()),
                filmId, limit);
    }
}
