package com.thewans.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;

/** The mobile-money sandbox as a MoMo Collection client sees it: token, request to pay, status, callback. */
class MobileMoneySandboxTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration APPROVAL = Duration.ofMillis(50);

    private static MobileMoneySandbox sandbox;
    private static WebhookReceiver merchant;
    private static String token;

    @BeforeAll
    static void start() throws Exception {
        merchant = WebhookReceiver.start();
        sandbox = MobileMoneySandbox.start(MobileMoneySandbox.Settings.localDefaults().withApprovalDelay(APPROVAL));
        token = Json.read(token(SandboxDefaults.MOBILE_MONEY_API_USER, SandboxDefaults.MOBILE_MONEY_API_KEY).body())
                .path("access_token").asString();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        merchant.close();
    }

    private static HttpResponse<String> token(String apiUser, String apiKey) throws Exception {
        String basic = Base64.getEncoder().encodeToString((apiUser + ":" + apiKey).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.url() + "/collection/token/"))
                .header("Authorization", "Basic " + basic)
                .header("Ocp-Apim-Subscription-Key", SandboxDefaults.MOBILE_MONEY_SUBSCRIPTION_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String body(String payer) {
        return """
                {"amount":"990","currency":"PGK","externalId":"tx-%s","payer":{"partyIdType":"MSISDN","partyId":"%s"},\
                "payerMessage":"THE WANS rental","payeeNote":"Sepik River Story"}""".formatted(payer, payer);
    }

    private static HttpResponse<String> requestToPay(String referenceId, String body, String callbackPath) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.url() + "/collection/v1_0/requesttopay"))
                .header("Authorization", "Bearer " + token)
                .header("X-Reference-Id", referenceId)
                .header("X-Target-Environment", "sandbox")
                .header("Ocp-Apim-Subscription-Key", SandboxDefaults.MOBILE_MONEY_SUBSCRIPTION_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (callbackPath != null) {
            request.header("X-Callback-Url", merchant.uri(callbackPath).toString());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> status(String referenceId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.url() + "/collection/v1_0/requesttopay/" + referenceId))
                .header("Authorization", "Bearer " + token)
                .header("X-Target-Environment", "sandbox")
                .header("Ocp-Apim-Subscription-Key", SandboxDefaults.MOBILE_MONEY_SUBSCRIPTION_KEY)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls the status until the payer has answered, as the adapter's reconciliation does. */
    private static JsonNode settled(String referenceId) {
        return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> Json.read(status(referenceId).body()), json -> !json.path("status").asString().equals("PENDING"));
    }

    @Test
    void tokenIsIssuedOnlyForTheApiUserKeyAndSubscriptionKey() throws Exception {
        HttpResponse<String> issued = token(SandboxDefaults.MOBILE_MONEY_API_USER, SandboxDefaults.MOBILE_MONEY_API_KEY);
        HttpResponse<String> wrongKey = token(SandboxDefaults.MOBILE_MONEY_API_USER, "not-the-key");
        HttpResponse<String> noSubscription = HTTP.send(HttpRequest.newBuilder(URI.create(sandbox.url() + "/collection/token/"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(issued.statusCode()).isEqualTo(200);
        JsonNode json = Json.read(issued.body());
        assertThat(json.path("access_token").asString()).isNotBlank();
        assertThat(json.path("token_type").asString()).isEqualTo("access_token");
        assertThat(json.path("expires_in").asLong()).isEqualTo(3600L);
        assertThat(wrongKey.statusCode()).isEqualTo(500);
        assertThat(Json.read(wrongKey.body()).path("error").asString()).isEqualTo("login_failed");
        assertThat(noSubscription.statusCode()).isEqualTo(401);
    }

    @Test
    void requestToPayIsAccepted202WithAnEmptyBodyAndStartsPending() throws Exception {
        String referenceId = UUID.randomUUID().toString();

        HttpResponse<String> accepted = requestToPay(referenceId, body(MobileMoneyTestPayers.NEVER_ANSWERS), null);

        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).isEmpty();
        JsonNode pending = Json.read(status(referenceId).body());
        assertThat(pending.path("status").asString()).isEqualTo("PENDING");
        assertThat(pending.path("amount").asString()).isEqualTo("990");
        assertThat(pending.path("currency").asString()).isEqualTo("PGK");
        assertThat(pending.path("externalId").asString()).isEqualTo("tx-" + MobileMoneyTestPayers.NEVER_ANSWERS);
        assertThat(pending.path("payer").path("partyId").asString()).isEqualTo(MobileMoneyTestPayers.NEVER_ANSWERS);
        assertThat(pending.has("financialTransactionId")).isFalse();
        assertThat(pending.has("reason")).isFalse();
    }

    @Test
    void sameReferenceIdTwiceIsAConflict() throws Exception {
        String referenceId = UUID.randomUUID().toString();
        requestToPay(referenceId, body(MobileMoneyTestPayers.NEVER_ANSWERS), null);

        HttpResponse<String> again = requestToPay(referenceId, body(MobileMoneyTestPayers.NEVER_ANSWERS), null);

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Json.read(again.body()).path("code").asString()).isEqualTo("RESOURCE_ALREADY_EXIST");
    }

    @Test
    void malformedRequestsAreRefusedWith400() throws Exception {
        HttpResponse<String> numberAmount = requestToPay(UUID.randomUUID().toString(),
                body(MobileMoneyTestPayers.APPROVES).replace("\"990\"", "990"), null);
        HttpResponse<String> noPayer = requestToPay(UUID.randomUUID().toString(),
                "{\"amount\":\"990\",\"currency\":\"PGK\",\"externalId\":\"x\"}", null);
        HttpResponse<String> notJson = requestToPay(UUID.randomUUID().toString(), "amount=990", null);
        HttpResponse<String> notUuid = requestToPay("order-1", body(MobileMoneyTestPayers.APPROVES), null);

        for (HttpResponse<String> refused : List.of(numberAmount, noPayer, notJson, notUuid)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(Json.read(refused.body()).path("code").asString()).isNotBlank();
        }
        assertThat(sandbox.request("order-1")).isEmpty();
    }

    @Test
    void unknownReferenceIsNotFound() throws Exception {
        HttpResponse<String> unknown = status(UUID.randomUUID().toString());

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Json.read(unknown.body()).path("code").asString()).isEqualTo("RESOURCE_NOT_FOUND");
    }

    @Test
    void callsWithoutAValidTokenOrWithAnotherEnvironmentAreRefused() throws Exception {
        HttpResponse<String> badToken = HTTP.send(HttpRequest.newBuilder(
                        URI.create(sandbox.url() + "/collection/v1_0/requesttopay/" + UUID.randomUUID()))
                .header("Authorization", "Bearer forged")
                .header("X-Target-Environment", "sandbox")
                .header("Ocp-Apim-Subscription-Key", SandboxDefaults.MOBILE_MONEY_SUBSCRIPTION_KEY)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> otherEnvironment = HTTP.send(HttpRequest.newBuilder(
                        URI.create(sandbox.url() + "/collection/v1_0/requesttopay/" + UUID.randomUUID()))
                .header("Authorization", "Bearer " + token)
                .header("X-Target-Environment", "mtnpapuanewguinea")
                .header("Ocp-Apim-Subscription-Key", SandboxDefaults.MOBILE_MONEY_SUBSCRIPTION_KEY)
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(otherEnvironment.statusCode()).isEqualTo(403);
    }

    @ParameterizedTest(name = "payer {0} ends {1} {2}")
    @CsvSource({
            "67570000001, SUCCESSFUL, ''",
            "67570000002, FAILED, APPROVAL_REJECTED",
            "67570000004, SUCCESSFUL, ''",
            "67570000005, FAILED, NOT_ENOUGH_FUNDS",
            "67570000006, FAILED, PAYER_NOT_FOUND",
            "67571234567, SUCCESSFUL, ''"})
    void eachTestPayerEndsAsDocumented(String payer, String status, String reason) throws Exception {
        String referenceId = UUID.randomUUID().toString();
        requestToPay(referenceId, body(payer), null);

        JsonNode answer = settled(referenceId);

        assertThat(answer.path("status").asString()).isEqualTo(status);
        if (status.equals("SUCCESSFUL")) {
            assertThat(answer.path("financialTransactionId").asString()).isNotBlank();
            assertThat(answer.has("reason")).isFalse();
        } else {
            assertThat(answer.path("reason").asString()).isEqualTo(reason);
            assertThat(answer.has("financialTransactionId")).isFalse();
        }
    }

    @Test
    void approvingPayerSendsOneSignedCallbackWithTheStatusBody() throws Exception {
        String referenceId = UUID.randomUUID().toString();
        requestToPay(referenceId, body(MobileMoneyTestPayers.APPROVES), "/callbacks/momo/" + referenceId);

        WebhookReceiver.Received callback = await().atMost(Duration.ofSeconds(5)).until(
                () -> merchant.received().stream()
                        .filter(received -> received.path().equals("/callbacks/momo/" + referenceId))
                        .findFirst().orElse(null),
                received -> received != null);

        assertThat(callback.method()).isEqualTo("PUT");
        assertThat(callback.header("X-Callback-Signature"))
                .isEqualTo(Hmac.sha256Hex(SandboxDefaults.MOBILE_MONEY_CALLBACK_SECRET, callback.body()));
        assertThat(Json.read(callback.body())).isEqualTo(Json.read(status(referenceId).body()));
        assertThat(Json.read(callback.body()).path("status").asString()).isEqualTo("SUCCESSFUL");
        assertThat(sandbox.callbacks()).filteredOn(sent -> sent.referenceId().equals(referenceId)).hasSize(1);
    }

    @Test
    void rejectingPayerCallbackCarriesTheReason() throws Exception {
        String referenceId = UUID.randomUUID().toString();
        requestToPay(referenceId, body(MobileMoneyTestPayers.REJECTS), "/callbacks/momo/" + referenceId);

        await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.callbacks().stream()
                .anyMatch(sent -> sent.referenceId().equals(referenceId) && sent.status() == 200));
        JsonNode body = Json.read(sandbox.callbacks().stream()
                .filter(sent -> sent.referenceId().equals(referenceId)).findFirst().orElseThrow().body());
        assertThat(body.path("status").asString()).isEqualTo("FAILED");
        assertThat(body.path("reason").asString()).isEqualTo("APPROVAL_REJECTED");
    }

    @Test
    void lostCallbackPayerIsFoundOnlyByPolling() throws Exception {
        String referenceId = UUID.randomUUID().toString();
        requestToPay(referenceId, body(MobileMoneyTestPayers.APPROVES_CALLBACK_LOST), "/callbacks/momo/" + referenceId);

        assertThat(settled(referenceId).path("status").asString()).isEqualTo("SUCCESSFUL");
        String approvedAlongside = UUID.randomUUID().toString();
        requestToPay(approvedAlongside, body(MobileMoneyTestPayers.APPROVES), "/callbacks/momo/" + approvedAlongside);
        await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.callbacks().stream()
                .anyMatch(sent -> sent.referenceId().equals(approvedAlongside)));
        assertThat(sandbox.callbacks()).noneMatch(sent -> sent.referenceId().equals(referenceId));
        assertThat(merchant.received()).noneMatch(received -> received.path().endsWith(referenceId));
    }

    @Test
    void neverAnsweringPayerStaysPendingUntilATestSettlesIt() throws Exception {
        String referenceId = UUID.randomUUID().toString();
        requestToPay(referenceId, body(MobileMoneyTestPayers.NEVER_ANSWERS), "/callbacks/momo/" + referenceId);
        String approvedAlongside = UUID.randomUUID().toString();
        requestToPay(approvedAlongside, body(MobileMoneyTestPayers.APPROVES), null);
        settled(approvedAlongside);

        assertThat(Json.read(status(referenceId).body()).path("status").asString()).isEqualTo("PENDING");
        sandbox.fail(referenceId, "EXPIRED");

        JsonNode expired = settled(referenceId);
        assertThat(expired.path("reason").asString()).isEqualTo("EXPIRED");
        await().atMost(Duration.ofSeconds(5)).until(() -> merchant.received().stream()
                .anyMatch(received -> received.path().endsWith(referenceId)));
        assertThat(sandbox.request(referenceId).orElseThrow().status()).isEqualTo("FAILED");
    }

    @Test
    void callbackCanComeAsPostForAnAdapterThatMustTakeBoth() throws Exception {
        try (MobileMoneySandbox posting = MobileMoneySandbox.start(MobileMoneySandbox.Settings.localDefaults()
                .withApprovalDelay(APPROVAL).withCallbackMethod("POST"))) {
            String issued = Json.read(HTTP.send(HttpRequest.newBuilder(URI.create(posting.url() + "/collection/token/"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (SandboxDefaults.MOBILE_MONEY_API_USER + ":" + SandboxDefaults.MOBILE_MONEY_API_KEY)
                                    .getBytes(StandardCharsets.UTF_8)))
                    .header("Ocp-Apim-Subscription-Key", SandboxDefaults.MOBILE_MONEY_SUBSCRIPTION_KEY)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .path("access_token").asString();
            String referenceId = UUID.randomUUID().toString();
            HTTP.send(HttpRequest.newBuilder(URI.create(posting.url() + "/collection/v1_0/requesttopay"))
                    .header("Authorization", "Bearer " + issued)
                    .header("X-Reference-Id", referenceId)
                    .header("X-Target-Environment", "sandbox")
                    .header("X-Callback-Url", merchant.uri("/callbacks/momo/" + referenceId).toString())
                    .header("Ocp-Apim-Subscription-Key", SandboxDefaults.MOBILE_MONEY_SUBSCRIPTION_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(body(MobileMoneyTestPayers.APPROVES))).build(),
                    HttpResponse.BodyHandlers.ofString());

            WebhookReceiver.Received callback = await().atMost(Duration.ofSeconds(5)).until(
                    () -> merchant.received().stream().filter(received -> received.path().endsWith(referenceId))
                            .findFirst().orElse(null),
                    received -> received != null);
            assertThat(callback.method()).isEqualTo("POST");
        }
    }
}
