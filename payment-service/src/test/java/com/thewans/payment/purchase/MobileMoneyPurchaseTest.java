package com.thewans.payment.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.payment.PaymentTestSupport;
import com.thewans.common.web.IdempotentRequests;
import com.thewans.payment.mobilemoney.MobileMoneyPayments;
import com.thewans.payment.mobilemoney.Msisdn;
import com.thewans.sandbox.MobileMoneySandbox;
import com.thewans.sandbox.MobileMoneyTestPayers;
import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

/**
 * Buying with mobile money, against the MoMo-shaped sandbox: the payer's number decides what they
 * do on their phone ({@link MobileMoneyTestPayers}), and the wallet calls back through the
 * platform's public address, or does not.
 */
class MobileMoneyPurchaseTest extends PaymentTestSupport {

    @Autowired
    MobileMoneyReconciliation reconciliation;

    @Autowired
    PendingPayments pendingPayments;

    @Autowired
    MobileMoneyPayments wallets;

    private static String phone(String testPayer) {
        return "+" + testPayer;
    }

    /** A rental through CellMoni from this test payer's phone, now PENDING. */
    private JsonNode boughtBy(String testPayer) {
        var bought = buy(viewer, mobileMoneyRental(PLATFORM.filmForRent(), "cellmoni", phone(testPayer)));
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        assertThat(bought.json().get("status").asString()).isEqualTo("PENDING");
        return bought.json();
    }

    private static MobileMoneySandbox.RequestToPay atTheWallet(JsonNode t) {
        return MOMO.request(t.get("providerRef").asString()).orElseThrow();
    }

    private static long requestsToPayFor(String transactionId) {
        return MOMO.requests().stream().filter(r -> transactionId.equals(r.externalId())).count();
    }

    private String status(JsonNode t) {
        return transaction(t.get("id").asString(), admin).get("status").asString();
    }

    private List<String> keptMessages(JsonNode t) {
        return jdbc.queryForList("""
                select message_id || ' ' || type || ' ' || coalesce(outcome, '-') from provider_messages
                where provider = 'MOBILE_MONEY' and message_id like ? order by received_at, message_id""",
                String.class, t.get("providerRef").asString() + ":%");
    }

    @Test
    void aPayerWhoApprovesOnTheirPhoneIsChargedOnceAndInvoicedWhenTheWalletCallsBack() {
        UUID filmId = PLATFORM.filmForRent();

        var bought = buy(viewer, mobileMoneyRental(filmId, "cellmoni", phone(MobileMoneyTestPayers.APPROVES)));

        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        JsonNode t = bought.json();
        String id = t.get("id").asString();
        assertThat(t.get("status").asString()).isEqualTo("PENDING");
        assertThat(t.get("provider").asString()).isEqualTo("mobile-money");
        assertThat(t.get("wallet").asString()).isEqualTo("cellmoni");
        assertThat(t.get("providerRef").asString()).isEqualTo(
                MobileMoneyPayments.referenceFor(UUID.fromString(id)).toString());
        assertThat(t.has("clientSecret")).isFalse();
        MobileMoneySandbox.RequestToPay asked = atTheWallet(t);
        assertThat(asked.amount()).isEqualTo("9.90");
        assertThat(asked.currency()).isEqualTo("PGK");
        assertThat(asked.payerPartyId()).isEqualTo(MobileMoneyTestPayers.APPROVES);
        assertThat(asked.externalId()).isEqualTo(id);
        assertThat(asked.callbackUrl()).isEqualTo(EDGE.url() + "/api/webhooks/mobile-money/cellmoni");

        JsonNode settled = awaitStatus(id, "SUCCEEDED");

        assertThat(settled.get("invoiceId").isNull()).isFalse();
        assertThat(get("/api/invoices/" + settled.get("invoiceId").asString(), viewer).json().get("gst").get("amount")
                .asLong()).isEqualTo(90);
        var succeeded = outboxEvents("payment.succeeded", "transactionId", id);
        assertThat(succeeded).hasSize(1);
        assertThat(succeeded.get(0).get("provider").asString()).isEqualTo("mobile-money");
        assertThat(succeeded.get(0).get("amount").asLong()).isEqualTo(990);
        assertThat(succeeded.get(0).get("filmId").asString()).isEqualTo(filmId.toString());
        assertThat(succeeded.get(0).get("invoiceNumber").asString()).startsWith("WANS-");
        assertThat(succeeded.get(0).get("taxAmount").asLong()).isEqualTo(90);
        assertThat(succeeded.get(0).get("territory").asString()).isEqualTo("PG");
        assertThat(MOMO.callbacks()).anyMatch(c -> c.referenceId().equals(asked.referenceId()) && c.status() == 200);
        assertThat(keptMessages(t)).containsExactly(asked.referenceId() + ":SUCCESSFUL requesttopay.callback succeeded");
    }

    @Autowired
    MobileMoneyRefunds walletRefunds;

    private TestHttp.Response refund(String id, String body) {
        return post("/api/transactions/" + id + "/refunds", body, admin, "Idempotency-Key", UUID.randomUUID().toString());
    }

    /** Polls the wallets until their refunds are settled (the sandbox settles after its delay). */
    private void walletSettlesRefunds() {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            walletRefunds.reconcilePending();
            return MOMO.refunds().stream().noneMatch(r -> r.status().equals("PENDING"))
                    && jdbc.queryForObject("select count(*) from mobile_money_refunds where status = 'PENDING'",
                            Long.class) == 0;
        });
    }

    @Test
    void aMobileMoneyPaymentIsRefundedThroughItsWalletAndRefundsOnTheirWayCount() {
        String id = boughtBy(MobileMoneyTestPayers.APPROVES).get("id").asString();
        awaitStatus(id, "SUCCEEDED");

        var part = refund(id, """
                {"amount": 490, "reason": "Playback failed for the last 20 minutes"}""");
        assertThat(part.status()).as(part.body()).isEqualTo(202);
        assertThat(part.json().get("status").asString()).isEqualTo("pending");
        // K 4.90 is on its way: only K 5.00 is left to ask for
        assertProblem(refund(id, """
                {"amount": 600, "reason": "too much"}"""), 422, "refund-too-large");
        walletSettlesRefunds();
        assertThat(transaction(id, admin).get("status").asString()).isEqualTo("PARTIALLY_REFUNDED");

        var rest = refund(id, """
                {"reason": "The viewer asked"}""");
        assertThat(rest.json().get("amount").asLong()).isEqualTo(500);
        walletSettlesRefunds();

        JsonNode refunded = transaction(id, admin);
        assertThat(refunded.get("status").asString()).isEqualTo("REFUNDED");
        assertThat(refunded.get("refunded").get("amount").asLong()).isEqualTo(990);
        assertThat(outboxEvents("payment.refunded", "transactionId", id)).hasSize(1);
        String reference = transaction(id, admin).get("providerRef").asString();
        assertThat(MOMO.refunds()).filteredOn(r -> r.referenceIdToRefund().equals(reference))
                .extracting(MobileMoneySandbox.Refund::amount).containsExactly("4.90", "5.00");
        assertProblem(refund(id, """
                {"reason": "again"}"""), 409, "transaction-not-refundable");
    }

    @Test
    void twoRefundsRacingForWhatIsLeftOfAPaymentGiveItBackOnce() throws Exception {
        String id = boughtBy(MobileMoneyTestPayers.APPROVES).get("id").asString();
        awaitStatus(id, "SUCCEEDED");

        var one = java.util.concurrent.CompletableFuture.supplyAsync(() -> refund(id, """
                {"reason": "Refund from the help desk"}"""));
        var other = java.util.concurrent.CompletableFuture.supplyAsync(() -> refund(id, """
                {"reason": "Refund from the billing team"}"""));

        assertThat(List.of(one.get().status(), other.get().status())).containsExactlyInAnyOrder(202, 409);
        walletSettlesRefunds();
        assertThat(transaction(id, admin).get("refunded").get("amount").asLong()).isEqualTo(990);
    }

    @Test
    void aPayerWhoDeclinesOnTheirPhoneFailsThePaymentWithTheWalletsReason() {
        JsonNode t = boughtBy(MobileMoneyTestPayers.REJECTS);
        String id = t.get("id").asString();

        JsonNode failed = awaitStatus(id, "FAILED");

        assertThat(failed.get("failure").get("code").asString()).isEqualTo("approval_rejected");
        assertThat(failed.get("failure").get("message").asString()).contains("declined");
        assertThat(outboxEvents("payment.failed", "transactionId", id)).singleElement()
                .satisfies(event -> assertThat(event.get("reason").asString()).isEqualTo("approval_rejected"));
        assertThat(outboxEvents("payment.succeeded", "transactionId", id)).isEmpty();
        assertThat(failed.has("invoiceId")).isFalse();
    }

    @Test
    void anApprovalWhoseCallbackNeverCameIsFoundByTheNextPoll() {
        JsonNode t = boughtBy(MobileMoneyTestPayers.APPROVES_CALLBACK_LOST);
        await().atMost(Duration.ofSeconds(5)).until(() -> "SUCCESSFUL".equals(atTheWallet(t).status()));
        assertThat(MOMO.callbacks()).noneMatch(c -> c.referenceId().equals(t.get("providerRef").asString()));
        assertThat(status(t)).isEqualTo("PENDING");

        var pass = reconciliation.reconcilePending();

        assertThat(pass.settled()).isPositive();
        assertThat(status(t)).isEqualTo("SUCCEEDED");
        assertThat(transaction(t.get("id").asString(), viewer).get("invoiceId").isNull()).isFalse();
        assertThat(outboxEvents("payment.succeeded", "transactionId", t.get("id").asString())).hasSize(1);
        assertThat(keptMessages(t)).containsExactly(
                t.get("providerRef").asString() + ":SUCCESSFUL requesttopay.status succeeded");
    }

    @Test
    void aPayerWhoNeverAnswersExpiresOnlyAfterALastPollPastItsTime() {
        JsonNode t = boughtBy(MobileMoneyTestPayers.NEVER_ANSWERS);
        reconciliation.reconcilePending();
        assertThat(status(t)).isEqualTo("PENDING");

        clock.advance(Duration.ofMinutes(31));
        pendingPayments.expireOverdue();
        assertThat(status(t)).as("the card sweep leaves mobile money alone").isEqualTo("PENDING");
        var pass = reconciliation.reconcilePending();

        assertThat(pass.expired()).isPositive();
        JsonNode expired = transaction(t.get("id").asString(), viewer);
        assertThat(expired.get("status").asString()).isEqualTo("EXPIRED");
        assertThat(outboxEvents("payment.failed", "transactionId", t.get("id").asString())).singleElement()
                .satisfies(event -> assertThat(event.get("reason").asString()).isEqualTo("expired"));
        // the first poll's answer was kept once, however often the wallet said the same
        assertThat(keptMessages(t)).containsExactly(t.get("providerRef").asString() + ":PENDING requesttopay.status pending");
    }

    @Test
    void anApprovalThatCameWithoutACallbackIsNotLostWhenThePaymentFallsDue() {
        JsonNode t = boughtBy(MobileMoneyTestPayers.APPROVES_CALLBACK_LOST);
        await().atMost(Duration.ofSeconds(5)).until(() -> "SUCCESSFUL".equals(atTheWallet(t).status()));

        clock.advance(Duration.ofMinutes(31));
        pendingPayments.expireOverdue();
        reconciliation.reconcilePending();

        assertThat(status(t)).isEqualTo("SUCCEEDED");
        assertThat(outboxEvents("payment.failed", "transactionId", t.get("id").asString())).isEmpty();
    }

    @Test
    void aRetriedPurchaseWithTheSameKeyAsksThePayerOnce() {
        String key = UUID.randomUUID().toString();
        String body = mobileMoneyRental(PLATFORM.filmForRent(), "cellmoni", phone(MobileMoneyTestPayers.NEVER_ANSWERS));

        var first = post("/api/transactions", body, viewer, "Idempotency-Key", key);
        var again = post("/api/transactions", body, viewer, "Idempotency-Key", key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(requestsToPayFor(first.json().get("id").asString())).isEqualTo(1);
    }

    @Test
    void aWalletThatGotTheRequestBeforeOurAnswerWasLostIsNotAskedTwice() {
        String key = UUID.randomUUID().toString();
        UUID id = IdempotentRequests.resourceId("transaction", viewerId, key);
        // what a first attempt did before its connection broke: the wallet holds the request
        wallets.requestToPay("cellmoni", new MobileMoneyPayments.RequestToPay(MobileMoneyPayments.referenceFor(id), 990,
                "PGK", new Msisdn(phone(MobileMoneyTestPayers.APPROVES)), id.toString(), "THE WANS: film rental", null,
                null));

        var bought = post("/api/transactions", mobileMoneyRental(PLATFORM.filmForRent(), "cellmoni",
                phone(MobileMoneyTestPayers.APPROVES)), viewer, "Idempotency-Key", key);

        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        assertThat(bought.json().get("id").asString()).isEqualTo(id.toString());
        assertThat(bought.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(requestsToPayFor(id.toString())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> "SUCCESSFUL".equals(MOMO.request(
                MobileMoneyPayments.referenceFor(id).toString()).orElseThrow().status()));
        reconciliation.reconcilePending();
        assertThat(transaction(id.toString(), viewer).get("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aPhoneNumberNotInE164FormIsRefusedNamingTheField() {
        UUID filmId = PLATFORM.filmForRent();
        for (String phone : List.of("67570000001", "+675 7000 0001", "+0675700001", "+67512", "+6757000000112345",
                "tel:+67570000001")) {
            var refused = buy(viewer, mobileMoneyRental(filmId, "cellmoni", phone));

            assertProblem(refused, 400, "validation-failed");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).as(phone)
                    .isEqualTo("mobileMoney.phone");
        }
        assertThat(jdbc.queryForObject("select count(*) from transactions where user_id = ?", Integer.class, viewerId))
                .isZero();
    }

    @Test
    void aWalletTheServiceDoesNotTakeIsRefusedAndNothingIsRecorded() {
        var refused = buy(viewer, mobileMoneyRental(PLATFORM.filmForRent(), "mpesa",
                phone(MobileMoneyTestPayers.APPROVES)));

        assertProblem(refused, 422, "wallet-unknown");
        assertThat(refused.json().get("wallet").asString()).isEqualTo("mpesa");
        assertThat(refused.json().get("wallets").toString()).contains("cellmoni").contains("micash");
        assertThat(jdbc.queryForObject("select count(*) from transactions where user_id = ?", Integer.class, viewerId))
                .isZero();
    }

    @Test
    void aPurchaseIsPaidOneWayNotByCardAndMobileMoneyAtOnce() {
        var refused = buy(viewer, """
                {"filmId": "%s", "kind": "RENTAL", "currency": "PGK", "card": {"paymentMethod": "pm_card_visa"},
                 "mobileMoney": {"wallet": "cellmoni", "phone": "+67570000001"}}""".formatted(PLATFORM.filmForRent()));

        assertProblem(refused, 400, "validation-failed");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("mobileMoney");
    }

    @Test
    void aWalletThatIsDownOrTooSlowIsA503AndTheSameKeyResumesTheSamePaymentOnceItIsBack() {
        String key = UUID.randomUUID().toString();
        String body = mobileMoneyRental(PLATFORM.filmForRent(), "micash", phone(MobileMoneyTestPayers.APPROVES));
        String id = IdempotentRequests.resourceId("transaction", viewerId, key).toString();
        MICASH_LINE.cut();

        var down = post("/api/transactions", body, viewer, "Idempotency-Key", key);

        assertProblem(down, 503, "dependency-unavailable");
        assertThat(down.header("Retry-After")).isEqualTo("5");
        assertThat(down.json().get("wallet").asString()).isEqualTo("micash");
        assertThat(requestsToPayFor(id)).isZero();
        // the payment was recorded before the wallet was asked, so whatever the wallet did can be matched
        assertThat(transaction(id, viewer).get("status").asString()).isEqualTo("PENDING");

        MICASH_LINE.stall();
        assertProblem(post("/api/transactions", body, viewer, "Idempotency-Key", key), 503, "dependency-unavailable");
        assertThat(requestsToPayFor(id)).isZero();

        MICASH_LINE.restore();
        var resumed = post("/api/transactions", body, viewer, "Idempotency-Key", key);

        assertThat(resumed.status()).as(resumed.body()).isEqualTo(201);
        assertThat(resumed.json().get("id").asString()).isEqualTo(id);
        assertThat(requestsToPayFor(id)).isEqualTo(1);
        awaitStatus(id, "SUCCEEDED");
        assertThat(outboxEvents("payment.succeeded", "transactionId", id)).hasSize(1);
    }
}
