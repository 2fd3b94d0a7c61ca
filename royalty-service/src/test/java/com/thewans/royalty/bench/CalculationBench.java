package com.thewans.royalty.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.royalty.RoyaltyTestSupport;
import com.thewans.royalty.calculation.RoyaltyCalculation;
import com.thewans.royalty.period.Period;

/**
 * bench/royalty.sh: one month of 1,000,000 ledger entries across 10,000 films and 2,000 parties,
 * calculated (statements for every party, film and currency, waterfalls, SVOD pool, one INSERT of
 * the drafts) against a plain {@code GROUP BY} sum of the same entries, in the same run on the same
 * embedded PostgreSQL. Measures, asserts nothing about time; skipped unless {@code wans.bench=true}.
 */
@EnabledIfSystemProperty(named = "wans.bench", matches = "true")
class CalculationBench extends RoyaltyTestSupport {

    static final int FILMS = 10_000;
    static final int CREATORS = 1_600;
    static final int DISTRIBUTORS = 399; // with the platform: 2,000 parties
    static final int ENTRIES = 1_000_000;
    static final int RUNS = 5;
    static final YearMonth MONTH = YearMonth.of(2025, 6);

    @Autowired
    RoyaltyCalculation calculation;

    @Test
    void aMillionEntriesAgainstAPlainGroupBy() throws Exception {
        Random random = new Random(23);
        UUID[] films = new UUID[FILMS];
        UUID[] creators = new UUID[CREATORS];
        UUID[] distributors = new UUID[DISTRIBUTORS];
        Arrays.setAll(films, i -> new UUID(0x1000L, i));
        Arrays.setAll(creators, i -> new UUID(0x2000L, i));
        Arrays.setAll(distributors, i -> new UUID(0x3000L, i));

        long setup = System.nanoTime();
        List<Object[]> agreements = new ArrayList<>();
        List<Object[]> parties = new ArrayList<>();
        for (int i = 0; i < FILMS; i++) {
            UUID id = new UUID(0x4000L, i);
            UUID creator = creators[i % CREATORS];
            UUID distributor = distributors[i % DISTRIBUTORS];
            int producerBps = 5000 + random.nextInt(3000);
            String waterfall = i % 4 == 0 ? """
                    {"step":"FEE","partyId":"%s","role":"PLATFORM","bps":3000,"amount":null,"currency":null},
                    {"step":"RECOUP","partyId":"%s","role":"DISTRIBUTOR","bps":null,"amount":%d,"currency":"PGK"}"""
                    .formatted(PLATFORM, distributor, 50_000 + random.nextInt(500_000)) : "";
            String terms = """
                    {"steps":[%s],"shares":{"DEFAULT":[
                     {"partyId":"%s","role":"PRODUCER","bps":%d},
                     {"partyId":"%s","role":"DISTRIBUTOR","bps":%d},
                     {"partyId":"%s","role":"PLATFORM","bps":1000}]}}"""
                    .formatted(waterfall, creator, producerBps, distributor, 9000 - producerBps, PLATFORM);
            agreements.add(new Object[] {id, films[i], Date.valueOf(MONTH.atDay(1)), terms});
            parties.add(new Object[] {id, creator, "PRODUCER"});
            parties.add(new Object[] {id, distributor, "DISTRIBUTOR"});
            parties.add(new Object[] {id, PLATFORM, "PLATFORM"});
        }
        jdbc.batchUpdate("""
                insert into agreement (id, film_id, version, effective_from, terms, created_at, created_by)
                values (?, ?, 1, ?, ?::jsonb, now(), 'bench')""", agreements);
        jdbc.batchUpdate("insert into agreement_party (agreement_id, party_id, role) values (?, ?, ?)", parties);
        // a million entries in one statement: sales, ad hours and subscription pool payments
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into ledger_entry (source_key, period, film_id, revenue_kind, territory, currency, amount,
                        occurred_at, recorded_at)
                    select 'bench:' || g, ?::date,
                        case when g % 50 = 0 then null else (?::uuid[])[1 + (g * 7919) % ?] end,
                        case when g % 50 = 0 then 'SVOD' when g % 3 = 0 then 'AVOD' else 'TRANSACTIONAL' end,
                        case when g % 2 = 0 then 'PG' else 'FJ' end,
                        case when g % 10 = 0 then 'USD' else 'PGK' end,
                        100 + (g * 31) % 4900, ?::timestamptz, now()
                    from generate_series(1::bigint, ?) g""");
            ps.setDate(1, Date.valueOf(MONTH.atDay(1)));
            ps.setArray(2, con.createArrayOf("uuid", films));
            ps.setInt(3, FILMS);
            ps.setString(4, MONTH.atDay(10) + "T12:00:00Z");
            ps.setInt(5, ENTRIES);
            return ps;
        });
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into watch_time (session_id, period, film_id, territory, offer_kind, watched_seconds)
                    select gen_random_uuid(), ?::date, (?::uuid[])[1 + g % ?], case when g % 2 = 0 then 'PG' else 'FJ' end,
                        'SUBSCRIPTION', 60 + (g * 13) % 7200
                    from generate_series(1, 50000) g""");
            ps.setDate(1, Date.valueOf(MONTH.atDay(1)));
            ps.setArray(2, con.createArrayOf("uuid", films));
            ps.setInt(3, FILMS);
            return ps;
        });
        jdbc.execute("vacuum analyze ledger_entry");
        jdbc.execute("vacuum analyze watch_time");
        jdbc.execute("analyze agreement");
        double setupSeconds = (System.nanoTime() - setup) / 1e9;

        long[] plain = new long[RUNS];
        long[] calculated = new long[RUNS];
        int groups = 0;
        RoyaltyCalculation.Result result = null;
        Date day = Date.valueOf(MONTH.atDay(1));
        for (int run = -1; run < RUNS; run++) { // run -1 warms both up
            long start = System.nanoTime();
            int[] rows = {0};
            jdbc.query("""
                    select film_id, currency, revenue_kind, sum(amount) from ledger_entry
                    where period = ? group by film_id, currency, revenue_kind""", rs -> {
                        rows[0]++;
                    }, day);
            long plainNanos = System.nanoTime() - start;
            groups = rows[0];
            start = System.nanoTime();
            result = calculation.calculate(new Period(MONTH));
            long calcNanos = System.nanoTime() - start;
            if (run >= 0) {
                plain[run] = plainNanos;
                calculated[run] = calcNanos;
            }
        }
        Arrays.sort(plain);
        Arrays.sort(calculated);
        long allocated = jdbc.queryForObject("select sum(amount) from statement where period = ?", Long.class, day);
        long held = jdbc.queryForObject("select coalesce(sum(amount), 0) from held_revenue where period = ?",
                Long.class, day);
        long booked = jdbc.queryForObject("select sum(amount) from ledger_entry where period = ?", Long.class, day);
        long partiesInStatements = jdbc.queryForObject(
                "select count(distinct party_id) from statement where period = ?", Long.class, day);
        String report = """
                royalty calculation bench (embedded PostgreSQL, %d cores, shared with other builds)
                ledger entries: %,d across %,d films; parties in statements: %,d; statements: %,d; groups: %,d
                set-up (agreements, entries, watch time, analyze): %.1f s
                plain GROUP BY sum   median %,.0f ms  (min %,.0f, max %,.0f) over %d runs
                calculation          median %,.0f ms  (min %,.0f, max %,.0f) over %d runs
                ratio (median calculation / median plain sum): %.2fx  (target <= 3x)
                check: booked %,d = allocated %,d + held %,d: %s
                """.formatted(Runtime.getRuntime().availableProcessors(), ENTRIES, FILMS, partiesInStatements,
                result.statements(), groups, setupSeconds, plain[RUNS / 2] / 1e6, plain[0] / 1e6,
                plain[RUNS - 1] / 1e6, RUNS, calculated[RUNS / 2] / 1e6, calculated[0] / 1e6,
                calculated[RUNS - 1] / 1e6, RUNS, (double) calculated[RUNS / 2] / plain[RUNS / 2], booked, allocated,
                held, booked == allocated + held ? "exact" : "MISMATCH");
        System.out.println(report);
        Files.writeString(Path.of("target", "royalty-bench.txt"), report);
        if (booked != allocated + held) {
            throw new AssertionError("the calculation lost money: " + report);
        }
    }
}
