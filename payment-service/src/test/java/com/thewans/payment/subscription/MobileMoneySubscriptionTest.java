package com.thewans.payment.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.payment.PaymentTestSupport;
import com.thewans.sandbox.MobileMoneySandbox;
import com.thewans.sandbox.MobileMoneyTestPayers;
import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

/**
 * Subscriptions paid by mobile money, which the platform renews itself: the request to pay goes to
 * the MoMo-shaped sandbox before the period ends, the payer's number decides what they do
 * ({@link MobileMoneyTestPayers}), and the service's clock is moved across periods while the sweep
 * is run by hand.
 */
class MobileMoneySubscriptionTest extends PaymentTestSupport {

    @Autowired
    SubscriptionSweep sweep;

    private TestHttp.Response subscribe(String plan, String testPayer) {
        return post("/api/subscriptions", """
                {"plan": "%s", "currency": "PGK", "mobileMoney": {"wallet": "cellmoni", "phone": "+%s"}}"""
                .formatted(plan, testPayer), viewer, "Idempotency-Key", UUID.randomUUID().toString());
    }

    private JsonNode subscription(String id) {
        return get("/api/subscriptions/" + id, admin).json();
    }

    private List<JsonNode> events(String type, String id) {
        return outboxEvents(type, "subscriptionId", id);
    }

    private List<MobileMoneySandbox.RequestToPay> requestsFor(String subscriptionId) {
        List<String> charges = jdbc.queryForList("select id::text from transactions where subscription_id = ?::uuid"
                + " and provider_ref not like 'trial-%'", String.class, subscriptionId);
        return MOMO.requests().stream().filter(r -> charges.contains(r.externalId())).toList();
    }

    /** Waits until the request to pay now waiting is settled by what the payer did. */
    private JsonNode awaitNothingWaiting(String id) {
        await().atMost(Duration.ofSeconds(15)).until(() -> subscription(id).get("waitingPaymentId").isNull());
        return subscription(id);
    }

    private String withTrial(String testPayer) {
        var made = subscribe("standard", testPayer);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().get("status").asString()).isEqualTo("TRIALING");
        assertThat(made.json().get("paidBy").asString()).isEqualTo("mobile-money");
        return made.json().get("id").asString();
    }

    private Instant periodEnd(String id) {
        return Instant.parse(subscription(id).get("currentPeriodEnd").asString());
    }

    @Test
    void aTrialIsRenewedByARequestToPaySentBeforeItEndsAndThePaidPeriodFollowsOnFromIt() {
        String id = withTrial(MobileMoneyTestPayers.APPROVES);
        Instant trialEnd = periodEnd(id);
        assertThat(events("subscription.started", id)).hasSize(1);
        assertThat(events("payment.succeeded", id)).singleElement()
                .satisfies(trial -> assertThat(trial.get("amount").asLong()).isZero());

        sweep.sweep();
        assertThat(requestsFor(id)).as("nothing is asked long before the period ends").isEmpty();

        clock.set(trialEnd.minus(Duration.ofDays(3)).plusSeconds(60));
        assertThat(sweep.sweep().renewalsSent()).isEqualTo(1);
        JsonNode renewed = awaitNothingWaiting(id);

        assertThat(renewed.get("status").asString()).isEqualTo("ACTIVE");
        Instant paidUntil = Instant.parse(renewed.get("currentPeriodEnd").asString());
        assertThat(Instant.parse(renewed.get("currentPeriodStart").asString())).isEqualTo(trialEnd);
        assertThat(paidUntil).isEqualTo(MobileMoneyPeriods.after(
                com.thewans.payment.plan.Plan.BillingInterval.MONTH, trialEnd));
        JsonNode paid = events("payment.succeeded", id).stream().filter(p -> p.get("amount").asLong() > 0)
                .findFirst().orElseThrow();
        assertThat(paid.get("amount").asLong()).isEqualTo(2900);
        assertThat(paid.get("provider").asString()).isEqualTo("mobile-money");
        assertThat(Instant.parse(paid.get("periodEnd").asString())).isEqualTo(paidUntil);
        assertThat(paid.get("invoiceId").isNull()).isFalse();
        assertThat(requestsFor(id)).singleElement().satisfies(r -> assertThat(r.amount()).isEqualTo("29.00"));
        assertThat(events("subscription.renewed", id)).hasSize(1);

        sweep.sweep();
        assertThat(requestsFor(id)).as("a paid period is not asked for again").hasSize(1);
        assertThat(events("subscription.expiring_soon", id)).as("it renews by itself").isEmpty();
    }

    @Test
    void aRenewalThePayerCannotPayIsRetriedOnScheduleAndTheSubscriptionExpiresWhenTheGraceRunsOut() {
        String id = withTrial(MobileMoneyTestPayers.NOT_ENOUGH_FUNDS);
        Instant end = periodEnd(id);

        clock.set(end.minus(Duration.ofDays(3)).plusSeconds(60));
        sweep.sweep();
        JsonNode pastDue = awaitNothingWaiting(id);
        assertThat(pastDue.get("status").asString()).isEqualTo("PAST_DUE");
        assertThat(events("subscription.past_due", id)).hasSize(1);
        sweep.sweep();
        assertThat(requestsFor(id)).as("the retry waits for its day").hasSize(1);
        // a period that will not renew by itself: the viewer is warned once
        assertThat(events("subscription.expiring_soon", id)).singleElement()
                .satisfies(w -> assertThat(w.get("reason").asString()).isEqualTo("renewal-failed"));

        // retries 1, 2 and 2 days after each failure, then no more
        for (Duration pause : List.of(Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(2))) {
            clock.advance(pause);
            sweep.sweep();
            awaitNothingWaiting(id);
        }
        assertThat(requestsFor(id)).hasSize(4).allSatisfy(r -> assertThat(r.status()).isEqualTo("FAILED"));
        assertThat(events("subscription.past_due", id)).hasSize(1);
        assertThat(subscription(id).get("status").asString()).isEqualTo("PAST_DUE");

        clock.set(end.plus(Duration.ofDays(7)).plusSeconds(60));
        sweep.sweep();
        sweep.sweep();

        JsonNode expired = subscription(id);
        assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(expired.get("endedReason").asString()).isEqualTo("payment-failed");
        assertThat(events("subscription.expired", id)).hasSize(1);
        assertThat(requestsFor(id)).hasSize(4);
        assertThat(events("payment.succeeded", id)).extracting(p -> p.get("amount").asLong()).containsOnly(0L);
        assertThat(outboxEvents("payment.failed", "userId", viewerId)).hasSize(4);
    }

    @Test
    void aPlanWithoutATrialStartsWhenThePayerApprovesItsFirstPeriod() {
        String plan = noTrialPlan();
        var made = subscribe(plan, MobileMoneyTestPayers.APPROVES);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String id = made.json().get("id").asString();
        assertThat(made.json().get("status").asString()).isEqualTo("INCOMPLETE");
        assertThat(made.json().get("waitingPaymentId").isNull()).isFalse();

        JsonNode active = awaitNothingWaiting(id);

        assertThat(active.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(events("subscription.started", id)).hasSize(1);
        assertThat(events("payment.succeeded", id)).singleElement().satisfies(p -> {
            assertThat(p.get("amount").asLong()).isEqualTo(1200);
            assertThat(p.get("periodEnd").asString()).isEqualTo(active.get("currentPeriodEnd").asString());
        });
    }

    @Test
    void aFirstPeriodThePayerDeclinesNeverStartsAndFreesTheViewerToTryAgain() {
        String plan = noTrialPlan();
        String id = subscribe(plan, MobileMoneyTestPayers.REJECTS).json().get("id").asString();

        JsonNode ended = awaitNothingWaiting(id);

        assertThat(ended.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(ended.get("endedReason").asString()).isEqualTo("first-payment-failed");
        assertThat(events("subscription.started", id)).isEmpty();
        assertThat(events("payment.succeeded", id)).isEmpty();
        assertThat(subscribe(plan, MobileMoneyTestPayers.APPROVES).status()).isEqualTo(201);
    }

    @Test
    void aCancelledSubscriptionIsNotRenewedWarnsOnceAndEndsWithItsPeriod() {
        String id = withTrial(MobileMoneyTestPayers.APPROVES);
        Instant end = periodEnd(id);
        var cancelled = post("/api/subscriptions/" + id + "/cancel", null, viewer);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("cancelAtPeriodEnd").asBoolean()).isTrue();
        post("/api/subscriptions/" + id + "/cancel", null, viewer);
        assertThat(events("subscription.cancelled", id)).hasSize(1);

        clock.set(end.minus(Duration.ofDays(2)));
        sweep.sweep();
        sweep.sweep();
        assertThat(requestsFor(id)).isEmpty();
        assertThat(events("subscription.expiring_soon", id)).singleElement()
                .satisfies(w -> assertThat(w.get("reason").asString()).isEqualTo("cancelled"));

        clock.set(end.plusSeconds(1));
        sweep.sweep();

        assertThat(subscription(id).get("endedReason").asString()).isEqualTo("cancelled");
        assertThat(events("subscription.expired", id)).hasSize(1);
        assertThat(requestsFor(id)).isEmpty();
    }

    @Test
    void twoSweepsAtOnceAskThePayerOnce() {
        String id = withTrial(MobileMoneyTestPayers.NEVER_ANSWERS);
        clock.set(periodEnd(id).minus(Duration.ofDays(1)));

        CompletableFuture<SubscriptionSweep.Pass> one = CompletableFuture.supplyAsync(sweep::sweep);
        CompletableFuture<SubscriptionSweep.Pass> other = CompletableFuture.supplyAsync(sweep::sweep);

        assertThat(one.join().renewalsSent() + other.join().renewalsSent()).isEqualTo(1);
        assertThat(requestsFor(id)).hasSize(1);
    }

    @Test
    void aSubscriptionIsPaidOneWayThroughAWalletTheServiceTakes() {
        assertProblem(post("/api/subscriptions", """
                {"plan": "standard", "currency": "PGK", "card": {"paymentMethod": "pm_card_visa"},
                 "mobileMoney": {"wallet": "cellmoni", "phone": "+67570000001"}}""", viewer,
                "Idempotency-Key", UUID.randomUUID().toString()), 400, "validation-failed");
        assertProblem(post("/api/subscriptions", """
                {"plan": "standard", "currency": "PGK", "mobileMoney": {"wallet": "bankcard", "phone": "+67570000001"}}""",
                viewer, "Idempotency-Key", UUID.randomUUID().toString()), 422, "wallet-unknown");
        assertProblem(post("/api/subscriptions", """
                {"plan": "standard", "currency": "PGK", "mobileMoney": {"wallet": "cellmoni", "phone": "70000001"}}""",
                viewer, "Idempotency-Key", UUID.randomUUID().toString()), 400, "validation-failed");
        assertThat(get("/api/subscriptions/mine", viewer).json()).isEmpty();
    }

    private TestHttp.Response changePlan(String id, String plan) {
        return post("/api/subscriptions/" + id + "/plan", """
                {"plan": "%s"}""".formatted(plan), viewer, "Idempotency-Key", UUID.randomUUID().toString());
    }

    /** A subscription past its trial, its first period paid by the payer's renewal. */
    private String activeOn(String plan) {
        var made = subscribe(plan, MobileMoneyTestPayers.APPROVES);
        String id = made.json().get("id").asString();
        clock.set(periodEnd(id).minus(Duration.ofDays(1)));
        sweep.sweep();
        assertThat(awaitNothingWaiting(id).get("status").asString()).isEqualTo("ACTIVE");
        return id;
    }

    @Test
    void anUpgradeByMobileMoneyAsksForTheProratedDifferenceAndAppliesWhenThePayerApproves() {
        String id = activeOn("basic");
        JsonNode active = subscription(id);
        Instant start = Instant.parse(active.get("currentPeriodStart").asString());
        Instant end = Instant.parse(active.get("currentPeriodEnd").asString());
        clock.set(start.plus(Duration.between(start, end).dividedBy(2)));

        var asked = changePlan(id, "standard");

        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(asked.json().get("plan").asString()).as("not before the payer approves").isEqualTo("basic");
        JsonNode upgraded = awaitNothingWaiting(id);
        await().atMost(Duration.ofSeconds(15)).until(() -> "standard".equals(subscription(id).get("plan").asString()));
        upgraded = subscription(id);
        assertThat(upgraded.get("price").get("amount").asLong()).isEqualTo(2900);
        assertThat(upgraded.get("currentPeriodEnd").asString()).as("same interval, same period")
                .isEqualTo(end.toString());
        // half the period left: half of the K 14.00 between the plans
        assertThat(requestsFor(id)).extracting(MobileMoneySandbox.RequestToPay::amount).contains("7.00");
        assertThat(events("subscription.plan_changed", id)).singleElement()
                .satisfies(e -> assertThat(e.get("reason").asString()).isEqualTo("upgrade"));
    }

    @Test
    void aDowngradeByMobileMoneyIsChargedAndAppliedFromTheRenewal() {
        String id = activeOn("standard");

        var downgraded = changePlan(id, "basic");
        assertThat(downgraded.status()).as(downgraded.body()).isEqualTo(200);
        assertThat(downgraded.json().get("nextPlan").asString()).isEqualTo("basic");
        assertThat(downgraded.json().get("plan").asString()).isEqualTo("standard");

        clock.set(periodEnd(id).minus(Duration.ofDays(1)));
        sweep.sweep();
        awaitNothingWaiting(id);

        JsonNode renewed = subscription(id);
        assertThat(renewed.get("plan").asString()).isEqualTo("basic");
        assertThat(renewed.get("price").get("amount").asLong()).isEqualTo(1500);
        assertThat(renewed.get("nextPlan").isNull()).isTrue();
        assertThat(requestsFor(id)).extracting(MobileMoneySandbox.RequestToPay::amount).containsExactly("29.00", "15.00");
    }

    @Test
    void aCouponOnAMobileMoneySubscriptionIsTakenOffTheFirstRenewalAfterTheTrial() {
        String code = "M" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(post("/api/coupons", """
                {"code": "%s", "appliesTo": ["SUBSCRIPTION"], "planCodes": ["standard"],
                 "amountsOff": [{"amount": 500, "currency": "PGK"}]}""".formatted(code), admin).status()).isEqualTo(201);
        var checked = post("/api/coupons/validate", """
                {"code": "%s", "plan": "standard", "currency": "PGK"}""".formatted(code), viewer);
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        assertThat(checked.json().get("price").get("amount").asLong()).isEqualTo(2400);
        assertProblem(post("/api/coupons/validate", """
                {"code": "%s", "plan": "basic", "currency": "PGK"}""".formatted(code), viewer), 422,
                "coupon-not-applicable");
        var made = post("/api/subscriptions", """
                {"plan": "standard", "currency": "PGK", "coupon": "%s",
                 "mobileMoney": {"wallet": "cellmoni", "phone": "+%s"}}""".formatted(code, MobileMoneyTestPayers.APPROVES),
                viewer, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String id = made.json().get("id").asString();

        clock.set(periodEnd(id).minus(Duration.ofDays(1)));
        sweep.sweep();
        awaitNothingWaiting(id);
        clock.set(periodEnd(id).minus(Duration.ofDays(1)));
        sweep.sweep();
        awaitNothingWaiting(id);

        assertThat(requestsFor(id)).extracting(MobileMoneySandbox.RequestToPay::amount).containsExactly("24.00", "29.00");
        assertThat(subscription(id).get("price").get("amount").asLong()).isEqualTo(2900);
    }

    /** A monthly plan of K 12.00 with no trial. */
    private String noTrialPlan() {
        String code = "no-trial-" + System.nanoTime();
        var made = post("/api/plans", """
                {"code": "%s", "name": "Pay as you go", "interval": "MONTH", "trialDays": 0, "maxStreams": 1,
                 "maxQuality": "480p", "withAds": true, "prices": [{"amount": 1200, "currency": "PGK"}]}"""
                .formatted(code), admin);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return code;
    }
}
