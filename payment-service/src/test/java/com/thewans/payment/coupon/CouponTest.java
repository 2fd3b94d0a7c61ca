package com.thewans.payment.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.payment.PaymentTestSupport;
import com.thewans.payment.purchase.PendingPayments;
import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;

class CouponTest extends PaymentTestSupport {

    private String coupon(String extra) {
        String code = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        var created = post("/api/coupons", """
                {"code": "%s", "appliesTo": ["RENTAL"], %s}""".formatted(code, extra), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return code;
    }

    private static String rentalWith(UUID filmId, String coupon, String paymentMethod) {
        return """
                {"filmId": "%s", "kind": "RENTAL", "currency": "PGK", "coupon": "%s"%s}""".formatted(filmId, coupon,
                paymentMethod == null ? "" : ", \"card\": {\"paymentMethod\": \"" + paymentMethod + "\"}");
    }

    @Test
    void aPercentageCouponTakesItsShareOffTheOfferAndTheGstFollowsThePricePaid() {
        String code = coupon("\"percentOff\": 50");
        UUID filmId = PLATFORM.filmForRent();

        var check = post("/api/coupons/validate", """
                {"code": "%s", "filmId": "%s", "kind": "RENTAL", "currency": "PGK"}""".formatted(code.toLowerCase(),
                filmId), viewer);
        assertThat(check.status()).as(check.body()).isEqualTo(200);
        assertThat(check.json().get("price").get("amount").asLong()).isEqualTo(495);

        var bought = buy(viewer, rentalWith(filmId, code, "pm_card_visa"));
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        assertThat(bought.json().get("listPrice").get("amount").asLong()).isEqualTo(990);
        assertThat(bought.json().get("discount").get("amount").asLong()).isEqualTo(495);
        assertThat(bought.json().get("amount").get("amount").asLong()).isEqualTo(495);
        assertThat(bought.json().get("gst").get("amount").asLong()).isEqualTo(45);
        assertThat(get("/api/coupons/" + code, admin).json().get("redeemed").asInt()).isEqualTo(1);
    }

    @Test
    void aFixedAmountCouponNeverTakesThePriceBelowTheLeastCharge() {
        String code = coupon("\"amountsOff\": [{\"amount\": 5000, \"currency\": \"PGK\"}]");

        var bought = buy(viewer, rentalWith(PLATFORM.filmForRent(), code, "pm_card_visa"));

        assertThat(bought.json().get("amount").get("amount").asLong()).isEqualTo(100);
        assertProblem(buy(viewer, """
                {"filmId": "%s", "kind": "RENTAL", "currency": "USD", "coupon": "%s"}""".formatted(PLATFORM.filmForRent(),
                code), "CF-IPCountry", "FJ"), 422, "coupon-not-applicable");
    }

    @Test
    void twoViewersRacingForTheLastUseOneWins() throws Exception {
        String code = coupon("\"percentOff\": 10, \"maxRedemptions\": 1");
        UUID filmId = PLATFORM.filmForRent();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<TestHttp.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                String token = TestTokens.viewer(UUID.randomUUID());
                answers.add(pool.submit((Callable<TestHttp.Response>) () -> {
                    start.await();
                    return buy(token, rentalWith(filmId, code, null));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<TestHttp.Response> answer : answers) {
                TestHttp.Response response = answer.get(30, TimeUnit.SECONDS);
                statuses.add(response.status());
                if (response.status() == 422) {
                    assertProblem(response, 422, "coupon-exhausted");
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 422);
            assertThat(get("/api/coupons/" + code, admin).json().get("redeemed").asInt()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPaymentThatFailsOrExpiresGivesItsUseBack() {
        String code = coupon("\"percentOff\": 10, \"maxRedemptions\": 1");

        var declined = buy(viewer, rentalWith(PLATFORM.filmForRent(), code, "pm_card_chargeDeclined"));
        assertThat(declined.json().get("status").asString()).as(declined.body()).isEqualTo("FAILED");
        assertThat(get("/api/coupons/" + code, admin).json().get("redeemed").asInt()).isZero();

        var waiting = buy(viewer, rentalWith(PLATFORM.filmForRent(), code, null));
        assertThat(waiting.status()).as(waiting.body()).isEqualTo(201);
        assertProblem(buy(TestTokens.viewer(UUID.randomUUID()), rentalWith(PLATFORM.filmForRent(), code, null)), 422,
                "coupon-exhausted");

        clock.advance(Duration.ofMinutes(31));
        pendingPayments.expireOverdue();

        assertThat(get("/api/coupons/" + code, admin).json().get("redeemed").asInt()).isZero();
        assertThat(buy(TestTokens.viewer(UUID.randomUUID()), rentalWith(PLATFORM.filmForRent(), code, null)).status())
                .isEqualTo(201);
    }

    @Test
    void anAdminExtendsACouponButNeverLimitsItBelowTheUsesTaken() {
        String code = coupon("\"percentOff\": 10, \"maxRedemptions\": 1");
        assertThat(buy(viewer, rentalWith(PLATFORM.filmForRent(), code, "pm_card_visa")).status()).isEqualTo(201);
        assertProblem(buy(TestTokens.viewer(UUID.randomUUID()), rentalWith(PLATFORM.filmForRent(), code, null)), 422,
                "coupon-exhausted");

        var more = send("PATCH", "/api/coupons/" + code, """
                {"maxRedemptions": 2, "description": "Ten more for the festival"}""", admin, "Content-Type", "application/json");

        assertThat(more.status()).as(more.body()).isEqualTo(200);
        assertThat(more.json().get("description").asString()).isEqualTo("Ten more for the festival");
        assertThat(buy(TestTokens.viewer(UUID.randomUUID()), rentalWith(PLATFORM.filmForRent(), code, null)).status())
                .isEqualTo(201);
        assertProblem(send("PATCH", "/api/coupons/" + code, """
                {"maxRedemptions": 1}""", admin, "Content-Type", "application/json"), 400, "validation-failed");
        assertProblem(send("PATCH", "/api/coupons/" + code, """
                {"validUntil": "2001-01-01T00:00:00Z"}""", admin, "Content-Type", "application/json"), 400, "validation-failed");
        assertProblem(send("PATCH", "/api/coupons/" + code, """
                {"maxRedemptions": 5}""", viewer, "Content-Type", "application/json"), 403, "forbidden");
        assertThat(get("/api/coupons/" + code, admin).json().get("maxRedemptions").asInt()).isEqualTo(2);
    }

    @Test
    void couponsThatDoNotApplyAreRefusedClearly() {
        String once = coupon("\"percentOff\": 10");
        assertThat(buy(viewer, rentalWith(PLATFORM.filmForRent(), once, "pm_card_visa")).status()).isEqualTo(201);
        assertProblem(buy(viewer, rentalWith(PLATFORM.filmForRent(), once, "pm_card_visa")), 422,
                "coupon-not-applicable");

        String withdrawn = coupon("\"percentOff\": 10");
        assertThat(post("/api/coupons/" + withdrawn + "/disable", null, admin).status()).isEqualTo(200);
        assertProblem(buy(viewer, rentalWith(PLATFORM.filmForRent(), withdrawn, null)), 422, "coupon-expired");

        String ended = coupon("\"percentOff\": 10, \"validFrom\": \"2020-01-01T00:00:00Z\", "
                + "\"validUntil\": \"2021-01-01T00:00:00Z\"");
        assertProblem(buy(viewer, rentalWith(PLATFORM.filmForRent(), ended, null)), 422, "coupon-expired");

        assertProblem(buy(viewer, rentalWith(PLATFORM.filmForRent(), "NOSUCHCODE", null)), 404, "coupon-not-found");
        assertProblem(buy(viewer, """
                {"filmId": "%s", "kind": "PURCHASE", "currency": "PGK", "coupon": "%s"}""".formatted(
                PLATFORM.film(buyOffer()), coupon("\"percentOff\": 10"))), 422, "coupon-not-applicable");
    }

    @Test
    void onlyAdminsManageCouponsAndBadCouponsAreRefused() {
        assertProblem(post("/api/coupons", """
                {"code": "X1", "appliesTo": ["RENTAL"], "percentOff": 10}""", viewer), 403, "forbidden");
        assertProblem(post("/api/coupons", """
                {"code": "X2", "appliesTo": ["RENTAL"], "percentOff": 10, "amountsOff": [{"amount": 100, "currency": "PGK"}]}""",
                admin), 400, "validation-failed");
        assertProblem(post("/api/coupons", """
                {"code": "X3", "appliesTo": ["RENTAL"], "percentOff": 0}""", admin), 400, "validation-failed");
        assertProblem(post("/api/coupons", """
                {"code": "X4", "appliesTo": ["RENTAL"], "amountsOff": [{"amount": -5, "currency": "PGK"}]}""", admin),
                400, "validation-failed");
        String code = coupon("\"percentOff\": 10");
        assertProblem(post("/api/coupons", """
                {"code": "%s", "appliesTo": ["RENTAL"], "percentOff": 10}""".formatted(code.toLowerCase()), admin), 409,
                "coupon-exists");
    }

    private static String buyOffer() {
        return """
                {"windowId": "%s", "windowType": "PVOD", "offer": "BUY", "streamable": true,
                 "prices": [{"amount": 4990, "currency": "PGK"}]}""".formatted(UUID.randomUUID());
    }

    @Autowired
    PendingPayments pendingPayments;
}
