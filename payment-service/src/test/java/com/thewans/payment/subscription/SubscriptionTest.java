package com.thewans.payment.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.payment.PaymentTestSupport;
import com.thewans.sandbox.SandboxDefaults;
import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * Card subscriptions through Stripe Billing (the sandbox renews, invoices and retries on its own
 * clock, which a test moves past a period's end), followed by payment-service from Stripe's signed
 * webhooks.
 */
class SubscriptionTest extends PaymentTestSupport {

    private TestHttp.Response subscribe(String token, String plan, String paymentMethod) {
        return post("/api/subscriptions", """
                {"plan": "%s", "currency": "PGK", "card": {"paymentMethod": "%s"}}""".formatted(plan, paymentMethod),
                token, "Idempotency-Key", UUID.randomUUID().toString());
    }

    private JsonNode subscription(String id) {
        return get("/api/subscriptions/" + id, admin).json();
    }

    private JsonNode awaitSubscription(String id, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> status.equals(subscription(id).get("status").asString()));
        return subscription(id);
    }

    /** Lets Stripe's time pass, and asks it something so what fell due meanwhile happens now. */
    private void stripeTimePasses(Duration duration, String stripeSubscription) throws Exception {
        STRIPE_TIME.advance(duration);
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(STRIPE.url() + "/v1/subscriptions/"
                + stripeSubscription)).header("Authorization", "Bearer " + SandboxDefaults.STRIPE_SECRET_KEY).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String stripeIdOf(String subscriptionId) {
        return jdbc.queryForObject("select provider_ref from subscriptions where id = ?::uuid", String.class,
                subscriptionId);
    }

    private List<JsonNode> paymentsFor(String subscriptionId) {
        return outboxEvents("payment.succeeded", "subscriptionId", subscriptionId);
    }

    @Test
    void aTrialGrantsItsDaysAndStripeChargesThePlanWhenItEnds() throws Exception {
        var made = subscribe(viewer, "standard", "pm_card_visa");

        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String id = made.json().get("id").asString();
        assertThat(made.json().get("status").asString()).isEqualTo("TRIALING");
        assertThat(made.json().get("price").get("display").asString()).isEqualTo("K 29.00");
        Instant trialEnd = Instant.parse(made.json().get("trialEndsAt").asString());
        assertThat(trialEnd).isBetween(Instant.now().plus(Duration.ofDays(7)).minusSeconds(120),
                Instant.now().plus(Duration.ofDays(7)).plusSeconds(120));
        // the trial is granted as a payment of nothing, so rights opens SVOD until it ends
        await().atMost(Duration.ofSeconds(20)).until(() -> !paymentsFor(id).isEmpty());
        JsonNode trial = paymentsFor(id).get(0);
        assertThat(trial.get("kind").asString()).isEqualTo("SUBSCRIPTION");
        assertThat(trial.get("amount").asLong()).isZero();
        assertThat(Instant.parse(trial.get("periodEnd").asString())).isEqualTo(trialEnd);
        assertThat(outboxEvents("subscription.started", "subscriptionId", id)).hasSize(1);

        stripeTimePasses(Duration.ofDays(8), stripeIdOf(id));

        JsonNode active = awaitSubscription(id, "ACTIVE");
        await().atMost(Duration.ofSeconds(20)).until(() -> paymentsFor(id).size() == 2);
        // the service's clock stands still in tests, so the two events are found by what they say
        JsonNode paid = paymentsFor(id).stream().filter(p -> p.get("amount").asLong() > 0).findFirst().orElseThrow();
        assertThat(paid.get("amount").asLong()).isEqualTo(2900);
        assertThat(paid.get("invoiceId").isNull()).isFalse();
        assertThat(Instant.parse(paid.get("periodEnd").asString())).isAfter(trialEnd.plus(Duration.ofDays(27)));
        assertThat(Instant.parse(active.get("currentPeriodEnd").asString())).isAfter(trialEnd);
        assertThat(outboxEvents("subscription.started", "subscriptionId", id)).hasSize(1);
    }

    @Test
    void aRenewalTheCardCannotPayGoesPastDueAndExpiresWhenStripeGivesUp() throws Exception {
        var made = subscribe(viewer, "basic", "pm_card_chargeCustomerFail");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String id = made.json().get("id").asString();
        String stripeId = stripeIdOf(id);

        stripeTimePasses(Duration.ofDays(8), stripeId);
        awaitSubscription(id, "PAST_DUE");
        assertThat(outboxEvents("subscription.past_due", "subscriptionId", id)).hasSize(1);

        // Stripe retries 3, 5 and 7 days after the first failure, then cancels
        stripeTimePasses(Duration.ofDays(3), stripeId);
        stripeTimePasses(Duration.ofDays(2), stripeId);
        stripeTimePasses(Duration.ofDays(3), stripeId);

        JsonNode expired = awaitSubscription(id, "EXPIRED");
        assertThat(expired.get("endedReason").asString()).isEqualTo("payment-failed");
        var ended = outboxEvents("subscription.expired", "subscriptionId", id);
        assertThat(ended).hasSize(1);
        assertThat(paymentsFor(id)).extracting(p -> p.get("amount").asLong()).containsOnly(0L);
    }

    @Test
    void cancellingKeepsThePaidPeriodAndEndsTheSubscriptionWhenItRunsOut() throws Exception {
        String id = subscribe(viewer, "standard", "pm_card_visa").json().get("id").asString();

        var cancelled = post("/api/subscriptions/" + id + "/cancel", null, viewer);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("cancelAtPeriodEnd").asBoolean()).isTrue();
        assertThat(cancelled.json().get("status").asString()).isEqualTo("TRIALING");
        assertThat(outboxEvents("subscription.cancelled", "subscriptionId", id)).hasSize(1);

        stripeTimePasses(Duration.ofDays(8), stripeIdOf(id));

        assertThat(awaitSubscription(id, "EXPIRED").get("endedReason").asString()).isEqualTo("cancelled");
        assertThat(paymentsFor(id)).extracting(p -> p.get("amount").asLong()).containsOnly(0L);
        assertProblem(post("/api/subscriptions/" + id + "/cancel", null, viewer), 409, "subscription-ended");
    }

    @Test
    void aViewerHasOneLiveSubscriptionAndOnlyTheyOrAnAdminSeeIt() {
        String id = subscribe(viewer, "standard", "pm_card_visa").json().get("id").asString();

        assertProblem(subscribe(viewer, "basic", "pm_card_visa"), 409, "already-subscribed");
        assertThat(get("/api/subscriptions/mine", viewer).json().get(0).get("id").asString()).isEqualTo(id);
        assertThat(get("/api/subscriptions/user/" + viewerId, admin).json()).hasSize(1);
        String stranger = TestTokens.viewer(UUID.randomUUID());
        assertProblem(get("/api/subscriptions/user/" + viewerId, stranger), 403, "forbidden");
        assertProblem(get("/api/subscriptions/" + id, stranger), 404, "subscription-not-found");
    }

    @Test
    void badSubscriptionsAreRefusedAndNothingIsCharged() {
        assertProblem(subscribe(viewer, "gold", "pm_card_visa"), 404, "plan-not-found");
        String key = UUID.randomUUID().toString();
        String declinedCard = """
                {"plan": "standard", "currency": "PGK", "card": {"paymentMethod": "pm_card_chargeDeclined"}}""";
        assertProblem(post("/api/subscriptions", declinedCard, viewer, "Idempotency-Key", key), 402, "card-declined");
        // the same request again is refused the same way, and leaves no subscription behind either
        assertProblem(post("/api/subscriptions", declinedCard, viewer, "Idempotency-Key", key), 402, "card-declined");
        assertThat(get("/api/subscriptions/mine", viewer).json()).isEmpty();
        assertProblem(post("/api/subscriptions", """
                {"plan": "standard", "currency": "PGK"}""", viewer, "Idempotency-Key", UUID.randomUUID().toString()),
                400, "validation-failed");
        String retired = "retired-" + System.nanoTime();
        post("/api/plans", """
                {"code": "%s", "name": "Old", "interval": "MONTH", "trialDays": 0, "maxStreams": 1,
                 "maxQuality": "480p", "withAds": true, "prices": [{"amount": 500, "currency": "PGK"}]}""".formatted(retired),
                admin);
        post("/api/plans/" + retired + "/retire", null, admin);
        assertProblem(subscribe(viewer, retired, "pm_card_visa"), 409, "plan-retired");

        // after a declined card the viewer may subscribe with another
        assertThat(subscribe(viewer, "standard", "pm_card_visa").status()).isEqualTo(201);
    }

    private TestHttp.Response changePlan(String id, String plan) {
        return post("/api/subscriptions/" + id + "/plan", """
                {"plan": "%s"}""".formatted(plan), viewer, "Idempotency-Key", UUID.randomUUID().toString());
    }

    /** A card subscription past its trial, ACTIVE on its first paid period. */
    private String activeOn(String plan) throws Exception {
        String id = subscribe(viewer, plan, "pm_card_visa").json().get("id").asString();
        stripeTimePasses(Duration.ofDays(plan.startsWith("premium") ? 15 : 8), stripeIdOf(id));
        awaitSubscription(id, "ACTIVE");
        await().atMost(Duration.ofSeconds(20)).until(() -> paymentsFor(id).size() == 2);
        return id;
    }

    @Test
    void anUpgradeByCardChargesTheProratedDifferenceNowWhichAnAdminCanRefund() throws Exception {
        String id = activeOn("basic");

        var upgraded = changePlan(id, "standard");

        assertThat(upgraded.status()).as(upgraded.body()).isEqualTo(200);
        assertThat(upgraded.json().get("plan").asString()).isEqualTo("standard");
        assertThat(upgraded.json().get("price").get("amount").asLong()).isEqualTo(2900);
        assertThat(outboxEvents("subscription.plan_changed", "subscriptionId", id)).singleElement()
                .satisfies(e -> assertThat(e.get("reason").asString()).isEqualTo("upgrade"));
        // a day into a 30 or 31 day period: the K 14.00 difference for what is left of it
        await().atMost(Duration.ofSeconds(20)).until(() -> paymentsFor(id).size() == 3);
        JsonNode difference = paymentsFor(id).stream()
                .filter(p -> p.get("amount").asLong() != 0 && p.get("amount").asLong() != 1500).findFirst().orElseThrow();
        assertThat(difference.get("amount").asLong()).isBetween(1300L, 1400L);

        var refund = post("/api/transactions/" + difference.get("transactionId").asString() + "/refunds", """
                {"reason": "The viewer did not mean to upgrade"}""", admin,
                "Idempotency-Key", UUID.randomUUID().toString());

        assertThat(refund.status()).as(refund.body()).isEqualTo(202);
        assertThat(awaitStatus(difference.get("transactionId").asString(), "REFUNDED").get("refunded").get("amount")
                .asLong()).isEqualTo(difference.get("amount").asLong());
    }

    @Test
    void aDowngradeByCardWaitsForTheRenewalWhichChargesTheCheaperPlan() throws Exception {
        String id = activeOn("standard");

        var downgraded = changePlan(id, "basic");

        assertThat(downgraded.status()).as(downgraded.body()).isEqualTo(200);
        assertThat(downgraded.json().get("plan").asString()).isEqualTo("standard");
        assertThat(downgraded.json().get("nextPlan").asString()).isEqualTo("basic");
        assertThat(outboxEvents("subscription.plan_changed", "subscriptionId", id)).isEmpty();

        stripeTimePasses(Duration.ofDays(31), stripeIdOf(id));

        await().atMost(Duration.ofSeconds(20)).until(() -> "basic".equals(subscription(id).get("plan").asString()));
        assertThat(subscription(id).get("price").get("amount").asLong()).isEqualTo(1500);
        assertThat(subscription(id).get("nextPlan").isNull()).isTrue();
        assertThat(paymentsFor(id)).extracting(p -> p.get("amount").asLong()).containsExactlyInAnyOrder(0L, 2900L, 1500L);
        assertThat(outboxEvents("subscription.plan_changed", "subscriptionId", id)).singleElement()
                .satisfies(e -> assertThat(e.get("reason").asString()).isEqualTo("downgrade"));
        // the trial's end and this renewal, each once
        assertThat(outboxEvents("subscription.renewed", "subscriptionId", id)).hasSize(2);
    }

    @Test
    void aPlanChangeThatCannotBeDoneNowIsRefusedAndChangesNothing() throws Exception {
        String yearly = activeOn("premium-yearly");
        assertProblem(changePlan(yearly, "basic"), 409, "plan-change-not-offered");
        assertProblem(changePlan(yearly, "gold"), 404, "plan-not-found");
        assertThat(subscription(yearly).get("nextPlan").isNull()).isTrue();
        assertThat(outboxEvents("subscription.plan_changed", "subscriptionId", yearly)).isEmpty();
        String stranger = TestTokens.viewer(UUID.randomUUID());
        assertProblem(post("/api/subscriptions/" + yearly + "/plan", """
                {"plan": "standard"}""", stranger, "Idempotency-Key", UUID.randomUUID().toString()), 404,
                "subscription-not-found");
    }

    /** A coupon for subscriptions, made by an admin. */
    private String subscriptionCoupon(String off) {
        String code = "S" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var made = post("/api/coupons", """
                {"code": "%s", "appliesTo": ["SUBSCRIPTION"], %s}""".formatted(code, off), admin);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return code;
    }

    @Test
    void aCouponOnACardSubscriptionTakesItsAmountOffTheFirstPaidPeriodOnly() throws Exception {
        String code = subscriptionCoupon("\"percentOff\": 50");
        var made = post("/api/subscriptions", """
                {"plan": "standard", "currency": "PGK", "card": {"paymentMethod": "pm_card_visa"}, "coupon": "%s"}"""
                .formatted(code), viewer, "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String id = made.json().get("id").asString();
        assertThat(made.json().get("coupon").asString()).isEqualTo(code);

        stripeTimePasses(Duration.ofDays(8), stripeIdOf(id));
        await().atMost(Duration.ofSeconds(20)).until(() -> paymentsFor(id).size() == 2);
        stripeTimePasses(Duration.ofDays(31), stripeIdOf(id));
        await().atMost(Duration.ofSeconds(20)).until(() -> paymentsFor(id).size() == 3);

        // the trial pays nothing and leaves the credit to the first period that is paid
        // (the service's clock stands still, so the periods, not the events' order, say which came first)
        List<JsonNode> byPeriod = paymentsFor(id).stream()
                .sorted(java.util.Comparator.comparing(p -> Instant.parse(p.get("periodEnd").asString()))).toList();
        assertThat(byPeriod).extracting(p -> p.get("amount").asLong()).containsExactly(0L, 1450L, 2900L);
        assertThat(jdbc.queryForObject("""
                select r.status from coupon_redemptions r join coupons c on c.id = r.coupon_id
                where c.code = ? and r.subscription_id = ?::uuid""", String.class, code, id)).isEqualTo("REDEEMED");
    }

    @Test
    void aCouponNotForSubscriptionsIsRefusedAndADeclinedCardGivesItsUseBack() {
        String rentalsOnly = "R" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        post("/api/coupons", """
                {"code": "%s", "appliesTo": ["RENTAL"], "percentOff": 10}""".formatted(rentalsOnly), admin);
        String once = subscriptionCoupon("\"percentOff\": 20, \"maxRedemptions\": 1");
        String body = """
                {"plan": "basic", "currency": "PGK", "card": {"paymentMethod": "%s"}, "coupon": "%s"}""";

        assertProblem(post("/api/subscriptions", body.formatted("pm_card_visa", rentalsOnly), viewer,
                "Idempotency-Key", UUID.randomUUID().toString()), 422, "coupon-not-applicable");
        assertProblem(post("/api/subscriptions", body.formatted("pm_card_chargeDeclined", once), viewer,
                "Idempotency-Key", UUID.randomUUID().toString()), 402, "card-declined");

        // the declined card's use of the only redemption went back to the coupon
        var made = post("/api/subscriptions", body.formatted("pm_card_visa", once), viewer,
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        assertThat(made.json().get("coupon").asString()).isEqualTo(once);
    }
}
