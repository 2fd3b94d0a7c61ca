package com.thewans.payment.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.thewans.payment.PaymentTestSupport;
import com.thewans.sandbox.MobileMoneySandbox;
import com.thewans.sandbox.MobileMoneyTestPayers;
import com.thewans.sandbox.SandboxDefaults;
import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

/**
 * Wallets' callbacks as the MoMo-shaped wallet sends them: its status JSON, signed with the
 * wallet's callback secret ({@code X-Callback-Signature: hex HMAC-SHA256(secret, body)}), by PUT or
 * POST, any number of times, and not always true.
 */
class MobileMoneyCallbackTest extends PaymentTestSupport {

    private static String sign(String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestHttp.Response callBack(String method, String wallet, String body, String signature) {
        return signature == null
                ? http().send(method, "/api/webhooks/mobile-money/" + wallet, body, "Content-Type", "application/json")
                : http().send(method, "/api/webhooks/mobile-money/" + wallet, body, "Content-Type", "application/json",
                        "X-Callback-Signature", signature);
    }

    /** A rental whose payer never answers: PENDING here and at the wallet. */
    private JsonNode pendingPayment() {
        var bought = buy(viewer, mobileMoneyRental(PLATFORM.filmForRent(), "cellmoni",
                "+" + MobileMoneyTestPayers.NEVER_ANSWERS));
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        return bought.json();
    }

    /** The wallet's status JSON for the payment, as its callbacks carry it. */
    private static String callbackBody(JsonNode t, String status) {
        return """
                {"financialTransactionId":"1234567890","externalId":"%s","amount":"9.90","currency":"PGK",\
                "payer":{"partyIdType":"MSISDN","partyId":"%s"},"payerMessage":"THE WANS: film rental",\
                "status":"%s"}""".formatted(t.get("id").asString(), MobileMoneyTestPayers.NEVER_ANSWERS, status);
    }

    private int messagesAbout(JsonNode t) {
        return jdbc.queryForObject("select count(*) from provider_messages where message_id like ?", Integer.class,
                t.get("providerRef").asString() + "%");
    }

    @Test
    void aForgedMissingOrMisaddressedSignatureIsRefusedAndNothingIsStored() {
        JsonNode t = pendingPayment();
        String body = callbackBody(t, "SUCCESSFUL");
        String secret = SandboxDefaults.MOBILE_MONEY_CALLBACK_SECRET;

        assertProblem(callBack("PUT", "cellmoni", body, sign(body, "not-the-callback-secret")), 400,
                "invalid-webhook-signature");
        assertProblem(callBack("PUT", "cellmoni", body.replace("9.90", "0.01"), sign(body, secret)), 400,
                "invalid-webhook-signature");
        assertProblem(callBack("POST", "cellmoni", body, null), 400, "invalid-webhook-signature");
        assertProblem(callBack("PUT", "mpesa", body, sign(body, secret)), 400, "invalid-webhook-signature");
        String notOurs = "{\"externalId\":\"order-17\",\"status\":\"SUCCESSFUL\"}";
        assertProblem(callBack("PUT", "cellmoni", notOurs, sign(notOurs, secret)), 400, "invalid-webhook-signature");

        assertThat(messagesAbout(t)).isZero();
        assertThat(transaction(t.get("id").asString(), viewer).get("status").asString()).isEqualTo("PENDING");
    }

    @Test
    void theSameCallbackDeliveredAgainAndConcurrentlyHasOneEffect() throws Exception {
        JsonNode t = pendingPayment();
        String reference = t.get("providerRef").asString();
        MOMO.approve(reference);
        await().atMost(Duration.ofSeconds(5)).until(() -> MOMO.callbacks().stream()
                .anyMatch(c -> c.referenceId().equals(reference)));
        MobileMoneySandbox.Callback sent = MOMO.callbacks().stream().filter(c -> c.referenceId().equals(reference))
                .findFirst().orElseThrow();
        assertThat(sent.method()).isEqualTo("PUT");
        assertThat(sent.status()).isEqualTo(200);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<TestHttp.Response>> answers = new ArrayList<>();
        try {
            for (String method : List.of("PUT", "POST", "PUT")) {
                answers.add(pool.submit((Callable<TestHttp.Response>) () -> {
                    start.await();
                    return callBack(method, "cellmoni", sent.body(), sent.signature());
                }));
            }
            start.countDown();
            for (Future<TestHttp.Response> answer : answers) {
                TestHttp.Response response = answer.get(20, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isEqualTo(200);
                assertThat(response.json().get("duplicate").asBoolean()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }

        awaitStatus(t.get("id").asString(), "SUCCEEDED");
        assertThat(messagesAbout(t)).isEqualTo(1);
        assertThat(outboxEvents("payment.succeeded", "transactionId", t.get("id").asString())).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from invoices where transaction_id = ?::uuid", Integer.class,
                t.get("id").asString())).isEqualTo(1);
    }

    @Test
    void aCallbackIsNotBelievedUntilTheWalletSaysTheSame() {
        JsonNode t = pendingPayment();
        // signed with the wallet's secret, yet the wallet still waits for the payer (a replay, or a wallet's mistake)
        String body = callbackBody(t, "SUCCESSFUL");

        var answer = callBack("POST", "cellmoni", body, sign(body, SandboxDefaults.MOBILE_MONEY_CALLBACK_SECRET));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("duplicate").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(10)).until(() -> "pending".equals(jdbc.queryForObject("""
                select coalesce(outcome, '') from provider_messages where message_id = ?""", String.class,
                t.get("providerRef").asString() + ":SUCCESSFUL")));
        assertThat(transaction(t.get("id").asString(), viewer).get("status").asString()).isEqualTo("PENDING");
        assertThat(outboxEvents("payment.succeeded", "transactionId", t.get("id").asString())).isEmpty();
    }
}
