package com.thewans.royalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.common.events.EventEnvelope;
import com.thewans.common.events.EventHandler;
import com.thewans.testkit.MovableClock;
import com.thewans.testkit.ServiceTestSupport;
import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * royalty-service on a random port against real PostgreSQL, Redis and S3, catalog stubbed at HTTP,
 * time movable. Events are handed to the service's own handlers, as its consumer would.
 *
 * <p>Periods are global (closing a month closes it for every film), so each test starts from an
 * empty royalty schema: {@link #startClean()} empties royalty's own tables.
 */
@RoyaltyServiceTest
public abstract class RoyaltyTestSupport extends ServiceTestSupport {

    static {
        CatalogStub.get();
    }

    public static final UUID PLATFORM = UUID.fromString("00000000-0000-0000-0000-00000000a11a");

    /** Months well in the past, whatever day the tests run. */
    protected static final java.time.YearMonth JAN = java.time.YearMonth.of(2025, 1);
    protected static final java.time.YearMonth FEB = JAN.plusMonths(1);
    protected static final java.time.YearMonth MAR = JAN.plusMonths(2);

    @Autowired
    protected MovableClock clock;

    @Autowired
    protected List<EventHandler> handlers;

    protected final CatalogStub catalog = CatalogStub.get();
    protected final UUID adminId = UUID.randomUUID();
    protected String admin;

    @BeforeEach
    protected void startClean() {
        admin = TestTokens.admin(adminId);
        clock.set(Instant.now());
        jdbc.execute("""
                truncate ledger_entry, sale, refund_seen, watch_time, statement, held_revenue, payout, payee,
                    agreement_party, agreement""");
        jdbc.update("update period_book set closed_through = null");
    }

    protected static Instant in(java.time.YearMonth month, int day) {
        return month.atDay(day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plusSeconds(3600);
    }

    protected void deliver(String type, Instant occurredAt, Map<String, Object> data) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), type, occurredAt, "test", 1, JSON.valueToTree(data));
        handlers.stream().filter(h -> h.eventType().equals(type)).forEach(h -> h.handle(envelope));
    }

    /** A rental paid in PNG: {@code amount} tax-inclusive with {@code tax} of GST. */
    protected UUID sale(UUID filmId, long amount, long tax, String currency, Instant at) {
        UUID transactionId = UUID.randomUUID();
        deliver("payment.succeeded", at, sale(transactionId, filmId, amount, tax, currency));
        return transactionId;
    }

    protected static Map<String, Object> sale(UUID transactionId, UUID filmId, long amount, long tax, String currency) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("transactionId", transactionId.toString());
        data.put("userId", UUID.randomUUID().toString());
        data.put("kind", "RENTAL");
        data.put("filmId", filmId.toString());
        data.put("amount", amount);
        data.put("currency", currency);
        data.put("provider", "stripe");
        data.put("taxAmount", tax);
        data.put("territory", "PG");
        return data;
    }

    protected void refund(UUID transactionId, Instant at) {
        deliver("payment.refunded", at, Map.of("transactionId", transactionId.toString(),
                "userId", UUID.randomUUID().toString(), "amount", 990, "currency", "PGK"));
    }

    /** A film whose agreement splits producer 70 %, distributor 20 %, platform 10 % from {@code from}. */
    protected JsonNode agreement(UUID filmId, UUID distributor, java.time.YearMonth from) {
        return agreement("""
                {"filmId":"%s","effectiveFrom":"%s","shares":[{"role":"PRODUCER","bps":7000},
                 {"role":"DISTRIBUTOR","partyId":"%s","bps":2000},{"role":"PLATFORM","bps":1000}]}"""
                .formatted(filmId, from, distributor));
    }

    protected JsonNode agreement(String body) {
        TestHttp.Response created = post("/api/royalty/agreements", body, admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    protected JsonNode calculate(java.time.YearMonth period) {
        TestHttp.Response r = post("/api/royalty/calculate", "{\"period\":\"" + period + "\"}", admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    protected JsonNode close(java.time.YearMonth period) {
        TestHttp.Response r = post("/api/royalty/periods/" + period + "/close", "", admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** party -> amount of the film's statements in the period and currency. */
    protected Map<UUID, Long> amounts(UUID filmId, java.time.YearMonth period, String currency) {
        Map<UUID, Long> byParty = new LinkedHashMap<>();
        jdbc.query("""
                select party_id, amount from statement where film_id = ? and period = ? and currency = ?
                order by party_id""", rs -> {
                    byParty.put(rs.getObject(1, UUID.class), rs.getLong(2));
                }, filmId, java.sql.Date.valueOf(period.atDay(1)), currency);
        return byParty;
    }
}
