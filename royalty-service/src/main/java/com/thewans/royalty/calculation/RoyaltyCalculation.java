package com.thewans.royalty.calculation;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.audit.AuditLog;
import com.thewans.royalty.agreement.Agreements;
import com.thewans.royalty.agreement.RevenueKind;
import com.thewans.royalty.ledger.RevenueLedger;
import com.thewans.royalty.period.EarlierPeriodOpen;
import com.thewans.royalty.period.Period;
import com.thewans.royalty.period.PeriodBook;
import com.thewans.royalty.period.PeriodClosed;
import com.thewans.royalty.period.PeriodInFuture;
import com.thewans.royalty.statement.Statements;

/**
 * Works out a period's statements from the ledger. The heavy part is set-based in SQL: the
 * period's entries are summed by film, currency and revenue kind (and the SVOD pools by territory
 * and currency, and watch time by territory and film) in three GROUP BY queries; what comes back is
 * one row per film and kind, so the waterfall and the largest-remainder splits run in memory over
 * those few rows, and the statements go back in one INSERT. Everything happens in one transaction
 * under the periods' exclusive advisory lock: two calculations started at once run one after the
 * other and the second replaces the first's drafts with the same ones.
 */
@Service
public class RoyaltyCalculation {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PeriodBook periods;
    private final Agreements agreements;
    private final Statements statements;
    private final RevenueLedger ledger;
    private final AuditLog audit;

    RoyaltyCalculation(JdbcTemplate jdbc, Clock clock, PeriodBook periods, Agreements agreements,
            Statements statements, RevenueLedger ledger, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.periods = periods;
        this.agreements = agreements;
        this.statements = statements;
        this.ledger = ledger;
        this.audit = audit;
    }

    /** A held amount: revenue of a film without an agreement in force, or an SVOD pool nobody watched in. */
    public record Held(UUID filmId, String territory, String revenueKind, String currency, long amount,
            String reason) {
    }

    public record Result(String period, String status, int statements, Map<String, Long> allocatedByCurrency,
            List<Held> held) {
    }

    /** Calculates an open period's statements as drafts (replacing earlier drafts). */
    @Transactional
    public Result calculate(Period period) {
        if (period.start().isAfter(clock.instant())) {
            throw new PeriodInFuture(period, "has not begun");
        }
        periods.holdExclusively();
        periods.closedThrough().filter(closed -> !period.isAfter(closed)).ifPresent(closed -> {
            throw new PeriodClosed(period, closed);
        });
        Result result = work(period, "CALCULATED");
        audit.record("royalty.period_calculated", "period:" + period, Map.of("statements", result.statements()));
        return result;
    }

    /**
     * Closes an ended period: calculates it a last time, issues and seals its statements, and carries
     * what was held into the next period (appended to the ledger there, never dropped). Periods close
     * in order.
     */
    @Transactional
    public Result close(Period period) {
        if (period.end().isAfter(clock.instant())) {
            throw new PeriodInFuture(period, "has not ended");
        }
        periods.holdExclusively();
        var closedThrough = periods.closedThrough();
        closedThrough.filter(closed -> !period.isAfter(closed)).ifPresent(closed -> {
            throw new PeriodClosed(period, closed);
        });
        Date earlier = jdbc.queryForObject("""
                select min(period) from ledger_entry where period < ? and (?::date is null or period > ?::date)""",
                Date.class, Date.valueOf(period.firstDay()),
                closedThrough.map(c -> Date.valueOf(c.firstDay())).orElse(null),
                closedThrough.map(c -> Date.valueOf(c.firstDay())).orElse(null));
        if (earlier != null) {
            throw new EarlierPeriodOpen(period, Period.of(earlier.toLocalDate()));
        }
        Result result = work(period, "CLOSED");
        Instant carriedAt = period.end(); // booked in the next period
        for (Held h : result.held()) {
            String key = "carry:" + period + ":" + (h.filmId() == null ? "pool-" + h.territory() : h.filmId()) + ":"
                    + h.revenueKind() + ":" + h.currency();
            ledger.book(key, h.filmId(), RevenueKind.valueOf(h.revenueKind()),
                    h.territory().isEmpty() ? null : h.territory(), h.currency(), h.amount(), carriedAt);
        }
        statements.issue(period);
        periods.markClosedThrough(period);
        audit.record("royalty.period_closed", "period:" + period,
                Map.of("statements", result.statements(), "carried", result.held().size()));
        return result;
    }

    private Result work(Period period, String status) {
        Date day = Date.valueOf(period.firstDay());
        statements.deleteDrafts(period);
        jdbc.update("delete from held_revenue where period = ?", day);

        // film -> currency -> kind -> revenue, ordered so every run walks them alike
        Map<UUID, Map<String, Map<RevenueKind, Long>>> revenue = new TreeMap<>();
        jdbc.query("""
                select film_id, currency, revenue_kind, sum(amount) from ledger_entry
                where period = ? and film_id is not null group by film_id, currency, revenue_kind""", rs -> {
                    add(revenue, rs.getObject(1, UUID.class), rs.getString(2), RevenueKind.valueOf(rs.getString(3)),
                            rs.getLong(4));
                }, day);
        List<Held> held = new ArrayList<>();
        allocateSvodPools(period, day, revenue, held);

        Map<UUID, Agreements.InForce> inForce = agreements.inForce(period);
        Map<String, Long> recoupedBefore = statements.recoupedBefore(period);
        List<Statements.Draft> drafts = new ArrayList<>();
        Map<String, Long> allocated = new TreeMap<>();
        revenue.forEach((film, byCurrency) -> byCurrency.forEach((currency, byKind) -> {
            Agreements.InForce agreement = inForce.get(film);
            if (agreement == null) {
                byKind.forEach((kind, amount) -> {
                    if (amount != 0) {
                        held.add(new Held(film, "", kind.name(), currency, amount, "no-agreement"));
                    }
                });
                return;
            }
            Map<UUID, Long> recouped = new HashMap<>();
            String prefix = film + ":" + currency + ":";
            agreement.terms().steps().forEach(step -> {
                Long r = recoupedBefore.get(prefix + step.partyId());
                if (r != null) {
                    recouped.put(step.partyId(), r);
                }
            });
            for (Waterfall.Take take : Waterfall.apply(agreement.terms(), currency, byKind, recouped)) {
                drafts.add(new Statements.Draft(take.partyId(), take.role().name(), film, currency, take.amount(),
                        take.recouped(), take.lines()));
                allocated.merge(currency, take.amount(), Long::sum);
            }
        }));
        statements.writeDrafts(period, drafts);
        if (!held.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into held_revenue (period, film_id, territory, revenue_kind, currency, amount, reason)
                    values (?, ?, ?, ?, ?, ?, ?)""", held.stream().map(h -> new Object[] {day, h.filmId(),
                    h.territory(), h.revenueKind(), h.currency(), h.amount(), h.reason()}).toList());
        }
        return new Result(period.toString(), status, drafts.size(), allocated, held);
    }

    /**
     * Each SVOD pool (the period's subscription revenue of one territory and currency) is split
     * between films by the seconds subscribers in that territory watched them (pro-rata), with the
     * largest-remainder method. A pool of unknown territory is split by all subscribers' watch time;
     * a pool nobody watched in is held and carried to the next period.
     */
    private void allocateSvodPools(Period period, Date day, Map<UUID, Map<String, Map<RevenueKind, Long>>> revenue,
            List<Held> held) {
        Map<String, Map<String, Long>> pools = new TreeMap<>(); // territory -> currency -> amount
        jdbc.query("""
                select coalesce(territory, ''), currency, sum(amount) from ledger_entry
                where period = ? and film_id is null group by 1, 2""", rs -> {
                    pools.computeIfAbsent(rs.getString(1), t -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                }, day);
        if (pools.isEmpty()) {
            return;
        }
        Map<String, Map<UUID, Long>> watched = new TreeMap<>(); // territory -> film -> seconds, '' for all
        jdbc.query(SvodWatchTime.QUERY, rs -> {
            long seconds = rs.getLong(3);
            UUID film = rs.getObject(2, UUID.class);
            watched.computeIfAbsent(rs.getString(1), t -> new TreeMap<>()).merge(film, seconds, Long::sum);
            watched.computeIfAbsent("", t -> new TreeMap<>()).merge(film, seconds, Long::sum);
        }, day);
        pools.forEach((territory, byCurrency) -> byCurrency.forEach((currency, amount) -> {
            Map<UUID, Long> films = watched.getOrDefault(territory, Map.of());
            if (films.isEmpty() || films.values().stream().mapToLong(Long::longValue).sum() == 0 || amount == 0) {
                if (amount != 0) {
                    held.add(new Held(null, territory, RevenueKind.SVOD.name(), currency, amount, "svod-pool-unwatched"));
                }
                return;
            }
            SvodWatchTime.split(amount, films).forEach((film, part) -> add(revenue, film, currency, RevenueKind.SVOD,
                    part));
        }));
    }

    private static void add(Map<UUID, Map<String, Map<RevenueKind, Long>>> revenue, UUID film, String currency,
            RevenueKind kind, long amount) {
        revenue.computeIfAbsent(film, f -> new TreeMap<>())
                .computeIfAbsent(currency, c -> new EnumMap<>(RevenueKind.class)).merge(kind, amount, Long::sum);
    }

}
