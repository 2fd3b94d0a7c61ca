package com.thewans.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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
import com.thewans.sandbox.SandboxDefaults;
import com.thewans.sandbox.StripeWebhookSignature;
import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

/**
 * Stripe's deliveries as Stripe makes them: its event JSON, signed with the endpoint's secret the
 * way Stripe signs ({@code t=...,v1=HMAC-SHA256(secret, t + "." + payload)}), in any order and
 * any number of times.
 */
class StripeWebhookTest extends PaymentTestSupport {

    private static String event(String type, String objectJson) {
        return """
                {"id": "evt_%s", "object": "event", "api_version": "2026-07-29.dahlia", "created": %d,
                 "data": {"object": %s}, "livemode": false, "pending_webhooks": 1,
                 "request": {"id": null, "idempotency_key": null}, "type": "%s"}"""
                .formatted(UUID.randomUUID().toString().replace("-", ""), Instant.now().getEpochSecond(), objectJson,
                        type);
    }

    private static String intent(String intentId, String transactionId, String status) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": 990, "currency": "pgk", "status": "%s",
                 "metadata": {"transactionId": "%s"}, "latest_charge": "ch_1"}""".formatted(intentId, status,
                transactionId);
    }

    private static String charge(String intentId, String transactionId, long refunded) {
        return """
                {"id": "ch_%s", "object": "charge", "amount": 990, "amount_refunded": %d, "currency": "pgk",
                 "payment_intent": "%s", "refunded": %s, "metadata": {"transactionId": "%s"}}""".formatted(
                UUID.randomUUID().toString().substring(0, 8), refunded, intentId, refunded >= 990, transactionId);
    }

    private TestHttp.Response deliver(String payload, long signedAt) {
        return http().send("POST", "/api/webhooks/stripe", payload, "Content-Type", "application/json; charset=utf-8",
                "Stripe-Signature", StripeWebhookSignature.header(payload, SandboxDefaults.STRIPE_WEBHOOK_SECRET,
                        signedAt));
    }

    private TestHttp.Response deliver(String payload) {
        return deliver(payload, Instant.now().getEpochSecond());
    }

    /** A payment waiting for the payer at Stripe: its id and its PaymentIntent's. */
    private String[] pendingPayment() {
        JsonNode t = buy(viewer, rental(PLATFORM.filmForRent(), null)).json();
        assertThat(t.get("status").asString()).isEqualTo("PENDING");
        return new String[] {t.get("id").asString(), t.get("providerRef").asString()};
    }

    @Test
    void aForgedOrStaleSignatureIsRefusedAndNothingIsStored() {
        String[] payment = pendingPayment();
        String payload = event("payment_intent.succeeded", intent(payment[1], payment[0], "succeeded"));

        var forged = http().send("POST", "/api/webhooks/stripe", payload, "Content-Type", "application/json",
                "Stripe-Signature", StripeWebhookSignature.header(payload, "whsec_not_ours", Instant.now().getEpochSecond()));
        // older than Stripe's 300 s tolerance by the service's own clock
        var stale = deliver(payload, clock.instant().minusSeconds(301).getEpochSecond());
        var unsigned = http().send("POST", "/api/webhooks/stripe", payload, "Content-Type", "application/json");

        assertProblem(forged, 400, "invalid-webhook-signature");
        assertProblem(stale, 400, "invalid-webhook-signature");
        assertProblem(unsigned, 400, "invalid-webhook-signature");
        assertThat(jdbc.queryForObject("select count(*) from provider_messages where payload = ?", Integer.class,
                payload)).isZero();
        assertThat(transaction(payment[0], viewer).get("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void threeConcurrentDeliveriesOfOneEventHaveOneEffect() throws Exception {
        String[] payment = pendingPayment();
        String payload = event("payment_intent.succeeded", intent(payment[1], payment[0], "succeeded"));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<TestHttp.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                answers.add(pool.submit((Callable<TestHttp.Response>) () -> {
                    start.await();
                    return deliver(payload);
                }));
            }
            start.countDown();
            for (Future<TestHttp.Response> answer : answers) {
                assertThat(answer.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        awaitStatus(payment[0], "SUCCEEDED");
        assertThat(jdbc.queryForObject("select count(*) from provider_messages where payload = ?", Integer.class,
                payload)).isEqualTo(1);
        assertThat(outboxEvents("payment.succeeded", "transactionId", payment[0])).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from invoices where transaction_id = ?::uuid", Integer.class,
                payment[0])).isEqualTo(1);
    }

    @Test
    void aRefundThatOvertakesItsSuccessStillEndsRefundedAndTheLateSuccessChangesNothing() {
        String[] payment = pendingPayment();

        assertThat(deliver(event("charge.refunded", charge(payment[1], payment[0], 990))).status()).isEqualTo(200);
        JsonNode refunded = awaitStatus(payment[0], "REFUNDED");
        assertThat(refunded.get("refunded").get("amount").asLong()).isEqualTo(990);

        assertThat(deliver(event("payment_intent.succeeded", intent(payment[1], payment[0], "succeeded"))).status())
                .isEqualTo(200);
        assertThat(deliver(event("payment_intent.payment_failed", intent(payment[1], payment[0],
                "requires_payment_method"))).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("""
                select count(*) from provider_messages where payload like ? and processed_at is null""", Integer.class,
                "%" + payment[1] + "%") == 0);

        assertThat(transaction(payment[0], viewer).get("status").asString()).isEqualTo("REFUNDED");
        assertThat(outboxEvents("payment.succeeded", "transactionId", payment[0])).hasSize(1);
        assertThat(outboxEvents("payment.refunded", "transactionId", payment[0])).hasSize(1);
        assertThat(outboxEvents("payment.failed", "transactionId", payment[0])).isEmpty();
    }

    @Test
    void aFailedAttemptCanStillBeFollowedBySuccessBecauseTheMoneyMoved() {
        String[] payment = pendingPayment();

        deliver(event("payment_intent.payment_failed", """
                {"id": "%s", "object": "payment_intent", "status": "requires_payment_method",
                 "metadata": {"transactionId": "%s"},
                 "last_payment_error": {"code": "card_declined", "decline_code": "insufficient_funds",
                                        "message": "Your card has insufficient funds."}}""".formatted(payment[1],
                payment[0])));
        JsonNode failed = awaitStatus(payment[0], "FAILED");
        assertThat(failed.get("failure").get("code").asString()).isEqualTo("insufficient_funds");

        deliver(event("payment_intent.succeeded", intent(payment[1], payment[0], "succeeded")));
        awaitStatus(payment[0], "SUCCEEDED");
    }

    @Test
    void eventTypesWeDoNotHandleAreAcknowledgedAndKept() {
        String payload = event("customer.created", """
                {"id": "cus_123", "object": "customer", "email": "viewer@example.com"}""");

        var answer = deliver(payload);

        assertThat(answer.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "ignored".equals(jdbc.queryForObject(
                "select coalesce(outcome, '') from provider_messages where payload = ?", String.class, payload)));
    }

    @Test
    void anEventForAPaymentWeDoNotKnowIsKeptAndRetriedNotLost() {
        String payload = event("payment_intent.succeeded", intent("pi_unknown" + UUID.randomUUID().toString()
                .substring(0, 8), UUID.randomUUID().toString(), "succeeded"));

        assertThat(deliver(payload).status()).isEqualTo(200);

        assertThat(jdbc.queryForObject("select count(*) from provider_messages where payload = ?", Integer.class,
                payload)).isEqualTo(1);
        // its handler throws until the payment is known: the message stays unprocessed, to be retried
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> jdbc.queryForObject(
                "select count(*) from provider_messages where payload = ? and processed_at is null", Integer.class,
                payload) == 1);
    }
}
