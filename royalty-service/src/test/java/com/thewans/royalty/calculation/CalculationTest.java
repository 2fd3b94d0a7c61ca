package com.thewans.royalty.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import com.thewans.royalty.RoyaltyTestSupport;
import com.thewans.testkit.TestHttp;

class CalculationTest extends RoyaltyTestSupport {

    @Test
    void aSaleIsSplitNetOfGstToTheToea() {
        UUID creator = UUID.randomUUID();
        UUID distributor = UUID.randomUUID();
        UUID film = catalog.film(creator);
        agreement(film, distributor, JAN);
        sale(film, 990, 90, "PGK", in(JAN, 3));
        sale(film, 1001, 91, "PGK", in(JAN, 4)); // net 910: 637 + 182 + 91

        var result = calculate(JAN);

        assertThat(result.get("statements").asInt()).isEqualTo(3);
        assertThat(amounts(film, JAN, "PGK")).containsEntry(creator, 630L + 637L)
                .containsEntry(distributor, 180L + 182L).containsEntry(PLATFORM, 90L + 91L);
        assertThat(result.get("allocatedByCurrency").get("PGK").asLong()).isEqualTo(900 + 910);
    }

    @Test
    void aRedeliveredPaymentIsBookedOnce() {
        UUID film = catalog.film(UUID.randomUUID());
        UUID tx = UUID.randomUUID();
        deliver("payment.succeeded", in(JAN, 2), sale(tx, film, 990, 90, "PGK"));
        deliver("payment.succeeded", in(JAN, 2), sale(tx, film, 990, 90, "PGK"));

        assertThat(jdbc.queryForObject("select sum(amount) from ledger_entry", Long.class)).isEqualTo(900);
    }

    @Test
    void reRunningAnOpenPeriodGivesTheSameStatements() {
        UUID film = catalog.film(UUID.randomUUID());
        agreement(film, UUID.randomUUID(), JAN);
        sale(film, 12345, 1122, "PGK", in(JAN, 5));

        calculate(JAN);
        List<Map<String, Object>> first = jdbc.queryForList("select id, party_id, amount, lines::text from statement order by id");
        calculate(JAN);

        assertThat(jdbc.queryForList("select id, party_id, amount, lines::text from statement order by id"))
                .isEqualTo(first);
    }

    @Test
    void twoCalculationsStartedAtOnceProduceOneResult() throws Exception {
        UUID film = catalog.film(UUID.randomUUID());
        agreement(film, UUID.randomUUID(), JAN);
        for (int i = 0; i < 20; i++) {
            sale(film, 990 + i, 90, "PGK", in(JAN, 1 + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<TestHttp.Response>> runs = List.of(1, 2, 3).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return post("/api/royalty/calculate", "{\"period\":\"" + JAN + "\"}", admin);
                })).toList();
        start.countDown();

        for (CompletableFuture<TestHttp.Response> run : runs) {
            assertThat(run.get().status()).as(run.get().body()).isEqualTo(200);
        }
        assertThat(jdbc.queryForObject("select count(*) from statement", Long.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("select sum(amount) from statement", Long.class))
                .isEqualTo(jdbc.queryForObject("select sum(amount) from ledger_entry", Long.class));
    }

    @Test
    void aFuturePeriodOrAClosedOneIsRefused() {
        YearMonth next = YearMonth.now(clock).plusMonths(1);
        close(JAN);

        assertProblem(post("/api/royalty/calculate", "{\"period\":\"" + next + "\"}", admin), 422, "period-not-ended");
        assertProblem(post("/api/royalty/calculate", "{\"period\":\"" + JAN + "\"}", admin), 409, "period-closed");
        assertProblem(post("/api/royalty/periods/" + JAN + "/close", "", admin), 409, "period-closed");
        assertProblem(post("/api/royalty/periods/" + YearMonth.now(clock) + "/close", "", admin), 422,
                "period-not-ended");
        assertProblem(post("/api/royalty/calculate", "{\"period\":\"2025-13\"}", admin), 400, "validation-failed");
    }

    @Test
    void periodsCloseInOrder() {
        UUID film = catalog.film(UUID.randomUUID());
        sale(film, 990, 90, "PGK", in(JAN, 3));

        assertProblem(post("/api/royalty/periods/" + FEB + "/close", "", admin), 409, "earlier-period-open");
    }

    @Test
    void aRefundAfterCloseBecomesAnAdjustmentOfTheNextPeriod() {
        UUID creator = UUID.randomUUID();
        UUID film = catalog.film(creator);
        agreement(film, UUID.randomUUID(), JAN);
        UUID kept = sale(film, 2000, 0, "PGK", in(JAN, 3));
        UUID refunded = sale(film, 990, 90, "PGK", in(JAN, 4));
        close(JAN);
        Map<UUID, Long> closed = amounts(film, JAN, "PGK");

        refund(refunded, in(JAN, 20)); // refunded in January, but heard of after January closed
        sale(film, 5000, 0, "PGK", in(FEB, 3));
        close(FEB);

        assertThat(amounts(film, JAN, "PGK")).isEqualTo(closed);
        assertThat(amounts(film, FEB, "PGK").get(creator)).isEqualTo(3500 - 630);
        assertThat(jdbc.queryForObject("select adjustment_of from ledger_entry where source_key = ?",
                java.sql.Date.class, "refund:" + refunded + ":990").toLocalDate()).isEqualTo(JAN.atDay(1));
        assertThat(kept).isNotNull();
    }

    @Test
    void partialRefundsReverseTheirShareOfTheNetAndAllOfThemTheWholeNet() {
        UUID film = catalog.film(UUID.randomUUID());
        UUID tx = sale(film, 1001, 91, "PGK", in(JAN, 2)); // net 910
        deliver("payment.partially_refunded", in(JAN, 3), Map.of("transactionId", tx.toString(),
                "amount", 333, "refundedTotal", 333, "currency", "PGK"));
        deliver("payment.partially_refunded", in(JAN, 3), Map.of("transactionId", tx.toString(),
                "amount", 333, "refundedTotal", 333, "currency", "PGK"));
        assertThat(jdbc.queryForObject("select sum(amount) from ledger_entry", Long.class)).isEqualTo(910 - 302);

        deliver("payment.refunded", in(JAN, 4), Map.of("transactionId", tx.toString(), "amount", 1001,
                "currency", "PGK"));

        assertThat(jdbc.queryForObject("select sum(amount) from ledger_entry", Long.class)).isZero();
    }

    @Test
    void aRefundHandledBeforeItsSaleStillReversesIt() {
        UUID film = catalog.film(UUID.randomUUID());
        UUID tx = UUID.randomUUID();
        refund(tx, in(JAN, 3));
        deliver("payment.succeeded", in(JAN, 2), sale(tx, film, 990, 90, "PGK"));

        assertThat(jdbc.queryForObject("select sum(amount) from ledger_entry", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ledger_entry", Long.class)).isEqualTo(2);
    }

    @Test
    void revenueOfAFilmWithoutAnAgreementIsHeldAndSettledWhenTheAgreementArrives() {
        UUID creator = UUID.randomUUID();
        UUID film = catalog.film(creator);
        sale(film, 1100, 100, "PGK", in(JAN, 3));

        var january = close(JAN);
        assertThat(january.get("held").get(0).get("reason").asString()).isEqualTo("no-agreement");
        assertThat(january.get("held").get(0).get("amount").asLong()).isEqualTo(1000);
        assertThat(get("/api/royalty/held", admin).json().get(0).get("filmId").asString()).isEqualTo(film.toString());

        agreement(film, UUID.randomUUID(), FEB);
        close(FEB);

        assertThat(amounts(film, FEB, "PGK").get(creator)).isEqualTo(700);
        assertThat(amounts(film, JAN, "PGK")).isEmpty();
    }

    @Test
    void aRecoupmentIsCarriedAcrossClosedPeriods() {
        UUID creator = UUID.randomUUID();
        UUID distributor = UUID.randomUUID();
        UUID film = catalog.film(creator);
        agreement("""
                {"filmId":"%s","effectiveFrom":"%s","shares":[{"role":"PRODUCER","bps":5000},
                 {"role":"DISTRIBUTOR","partyId":"%s","bps":5000}],
                 "waterfall":[{"step":"FEE","role":"PLATFORM","bps":3000},
                  {"step":"RECOUP","role":"DISTRIBUTOR","partyId":"%s","amount":1000,"currency":"PGK"}]}"""
                .formatted(film, JAN, distributor, distributor));
        sale(film, 1000, 0, "PGK", in(JAN, 3)); // fee 300, recoup 700, nothing left
        close(JAN);
        sale(film, 1000, 0, "PGK", in(FEB, 3)); // fee 300, recoup the last 300, 400 split 200/200

        close(FEB);

        assertThat(amounts(film, JAN, "PGK")).containsEntry(distributor, 700L).containsEntry(PLATFORM, 300L);
        assertThat(amounts(film, FEB, "PGK")).containsEntry(distributor, 500L).containsEntry(creator, 200L)
                .containsEntry(PLATFORM, 300L);
    }

    @Test
    void anSvodPoolIsSplitByWatchTimeInItsTerritory() {
        UUID first = catalog.film(UUID.randomUUID());
        UUID second = catalog.film(UUID.randomUUID());
        UUID unwatchedAbroad = catalog.film(UUID.randomUUID());
        for (UUID film : List.of(first, second, unwatchedAbroad)) {
            agreement("""
                    {"filmId":"%s","effectiveFrom":"%s","shares":[{"role":"PRODUCER","bps":10000}]}"""
                    .formatted(film, JAN));
        }
        subscription(1000, "PG");
        subscription(500, "FJ");
        watched(first, "PG", 2 * 3600);
        watched(second, "PG", 3600);
        watched(second, "PG", 0);
        watched(unwatchedAbroad, "AU", 600);

        var result = calculate(JAN);

        assertThat(amounts(first, JAN, "PGK").values()).containsExactly(667L);
        assertThat(amounts(second, JAN, "PGK").values()).containsExactly(333L);
        assertThat(amounts(unwatchedAbroad, JAN, "PGK")).isEmpty();
        assertThat(result.get("held").get(0).get("reason").asString()).isEqualTo("svod-pool-unwatched");
        assertThat(result.get("held").get(0).get("territory").asString()).isEqualTo("FJ");
    }

    @Test
    void billedAdHoursAreAvodRevenueOfTheirFilm() {
        UUID creator = UUID.randomUUID();
        UUID film = catalog.film(creator);
        agreement(film, UUID.randomUUID(), JAN);
        UUID billing = UUID.randomUUID();
        Map<String, Object> billed = Map.of("billingId", billing.toString(), "filmId", film.toString(),
                "hourStart", in(JAN, 9).toString(), "hourEnd", in(JAN, 9).plusSeconds(3600).toString(),
                "currency", "USD", "amount", 1234, "impressions", 5000);
        deliver("ad.impressions_billed", in(JAN, 9), billed);
        deliver("ad.impressions_billed", in(JAN, 9), billed);

        calculate(JAN);

        assertThat(amounts(film, JAN, "USD").get(creator)).isEqualTo(864); // 70 % of 1234 = 863.8
        assertThat(amounts(film, JAN, "USD").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1234);
    }

    private void subscription(long amount, String territory) {
        Map<String, Object> data = new java.util.HashMap<>(Map.of("transactionId", UUID.randomUUID().toString(),
                "userId", UUID.randomUUID().toString(), "kind", "SUBSCRIPTION", "amount", amount, "currency", "PGK",
                "taxAmount", 0, "territory", territory));
        deliver("payment.succeeded", in(JAN, 1), data);
    }

    private void watched(UUID film, String territory, long seconds) {
        deliver("playback.stopped", in(JAN, 10), Map.of("sessionId", UUID.randomUUID().toString(),
                "userId", UUID.randomUUID().toString(), "filmId", film.toString(), "territory", territory,
                "offerKind", "SUBSCRIPTION", "stoppedAt", in(JAN, 10).toString(), "watchedSeconds", seconds));
    }
}
