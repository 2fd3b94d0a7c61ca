package com.thewans.payment.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.thewans.payment.PaymentTestSupport;
import com.thewans.testkit.TestHttp;

class PurchaseIdempotencyTest extends PaymentTestSupport {

    private TestHttp.Response buyWithKey(String key, String body) {
        return post("/api/transactions", body, viewer, "Idempotency-Key", key);
    }

    private long paymentsAtStripeFor(String transactionId) {
        return STRIPE.events("payment_intent.succeeded").stream().filter(e -> e.payload().contains(transactionId))
                .count();
    }

    @Test
    void theSameKeyAndBodyAnswerWhatTheFirstRequestAnsweredWithoutPayingAgain() {
        String key = UUID.randomUUID().toString();
        String body = rental(PLATFORM.filmForRent(), "pm_card_visa");

        var first = buyWithKey(key, body);
        var again = buyWithKey(key, body);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(paymentsAtStripeFor(first.json().get("id").asString())).isEqualTo(1);
        assertThat(outboxEvents("payment.succeeded", "transactionId", first.json().get("id").asString())).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        assertThat(buyWithKey(key, rental(PLATFORM.filmForRent(), "pm_card_visa")).status()).isEqualTo(201);

        assertProblem(buyWithKey(key, rental(PLATFORM.filmForRent(), "pm_card_visa")), 422, "idempotency-key-reused");
    }

    @Test
    void aRefusedRequestKeepsNothingSoItsKeyCanBeUsedOnceTheProblemIsFixed() {
        String key = UUID.randomUUID().toString();
        UUID filmId = PLATFORM.filmForRent();
        PLATFORM.profileCountry(null);
        assertProblem(buyWithKey(key, rental(filmId, "pm_card_visa")), 422, "territory-unknown");

        PLATFORM.profileCountry("PG");
        assertThat(buyWithKey(key, rental(filmId, "pm_card_visa")).status()).isEqualTo(201);
    }

    @Test
    void concurrentRequestsWithOneKeyPayOnceAndAllGetTheSameAnswer() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = rental(PLATFORM.filmForRent(), "pm_card_visa");
        int requests = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        List<Future<TestHttp.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < requests; i++) {
                answers.add(pool.submit((Callable<TestHttp.Response>) () -> {
                    start.await();
                    return buyWithKey(key, body);
                }));
            }
            start.countDown();
            List<String> ids = new ArrayList<>();
            for (Future<TestHttp.Response> answer : answers) {
                TestHttp.Response response = answer.get(30, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                ids.add(response.json().get("id").asString());
            }
            assertThat(ids).containsOnly(ids.get(0));
            assertThat(jdbc.queryForObject("select count(*) from transactions where user_id = ?", Integer.class,
                    viewerId)).isEqualTo(1);
            assertThat(paymentsAtStripeFor(ids.get(0))).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPaymentMustCarryAKey() {
        var refused = post("/api/transactions", rental(PLATFORM.filmForRent(), "pm_card_visa"), viewer);

        assertProblem(refused, 400, "validation-failed");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }
}
