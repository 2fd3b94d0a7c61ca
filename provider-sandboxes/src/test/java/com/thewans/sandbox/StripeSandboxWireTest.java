package com.thewans.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The sandbox's HTTP surface as any client sees it: Stripe's form encoding, error bodies, webhook delivery. */
class StripeSandboxWireTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StripeSandbox sandbox;
    private WebhookReceiver endpoint;

    @BeforeEach
    void start() {
        endpoint = WebhookReceiver.start();
        sandbox = StripeSandbox.start(StripeSandbox.Settings.localDefaults()
                .withWebhookRetries(5, Duration.ofMillis(20), Duration.ofMillis(100)));
    }

    @AfterEach
    void stop() {
        sandbox.close();
        endpoint.close();
    }

    private record Answer(int status, JsonNode json, HttpResponse<String> raw) {
    }

    private Answer post(String path, String form) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(sandbox.url() + path))
                .header("Authorization", "Bearer " + SandboxDefaults.STRIPE_SECRET_KEY)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private Answer get(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(sandbox.url() + pathAndQuery))
                .header("Authorization", "Bearer " + SandboxDefaults.STRIPE_SECRET_KEY).GET());
    }

    private static Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), Json.read(response.body()), response);
    }

    private static final String NO_REDIRECTS = "&automatic_payment_methods%5Benabled%5D=true"
            + "&automatic_payment_methods%5Ballow_redirects%5D=never";

    @Test
    void bracketNotationMetadataAndRawTestCardNumbersAreRead() throws Exception {
        Answer paid = post("/v1/payment_intents", "amount=990&currency=PGK&confirm=true"
                + "&metadata%5BtransactionId%5D=tx-9&metadata%5Bkind%5D=rental"
                + "&payment_method_data%5Btype%5D=card&payment_method_data%5Bcard%5D%5Bnumber%5D=4242424242424242"
                + "&payment_method_data%5Bcard%5D%5Bexp_month%5D=8&payment_method_data%5Bcard%5D%5Bexp_year%5D=2031"
                + NO_REDIRECTS + "&expand%5B%5D=latest_charge");
        Answer declined = post("/v1/payment_intents", "amount=990&currency=pgk&confirm=true"
                + "&payment_method_data[type]=card&payment_method_data[card][number]=4000000000009995" + NO_REDIRECTS);

        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.json().path("object").asString()).isEqualTo("payment_intent");
        assertThat(paid.json().path("currency").asString()).isEqualTo("pgk");
        assertThat(paid.json().path("metadata").path("transactionId").asString()).isEqualTo("tx-9");
        assertThat(paid.json().path("metadata").path("kind").asString()).isEqualTo("rental");
        JsonNode charge = paid.json().path("latest_charge");
        assertThat(charge.path("object").asString()).isEqualTo("charge");
        assertThat(charge.path("payment_method_details").path("card").path("exp_year").asInt()).isEqualTo(2031);
        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.json().path("error").path("type").asString()).isEqualTo("card_error");
        assertThat(declined.json().path("error").path("decline_code").asString()).isEqualTo("insufficient_funds");
        assertThat(declined.json().path("error").path("payment_intent").path("status").asString())
                .isEqualTo("requires_payment_method");
    }

    @Test
    void unknownPathsMissingKeysAndMissingObjectsAnswerStripesErrorBodies() throws Exception {
        Answer unknown = get("/v1/subscriptions_of_nothing");
        Answer noKey = send(HttpRequest.newBuilder(URI.create(sandbox.url() + "/v1/customers"))
                .POST(HttpRequest.BodyPublishers.ofString("email=a@example.pg")));
        Answer missing = get("/v1/payment_intents/pi_doesnotexist");
        Answer noAmount = post("/v1/payment_intents", "currency=pgk");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(unknown.json().path("error").path("message").asString()).startsWith("Unrecognized request URL");
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.json().path("error").path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error").path("code").asString()).isEqualTo("resource_missing");
        assertThat(noAmount.status()).isEqualTo(400);
        assertThat(noAmount.json().path("error").path("code").asString()).isEqualTo("parameter_missing");
        assertThat(noAmount.json().path("error").path("param").asString()).isEqualTo("amount");
        assertThat(unknown.raw().headers().firstValue("Request-Id")).hasValueSatisfying(id -> assertThat(id).startsWith("req_"));
    }

    @Test
    void sameKeyOnAnotherEndpointIsAnIdempotencyError() throws Exception {
        HttpRequest.Builder customer = HttpRequest.newBuilder(URI.create(sandbox.url() + "/v1/customers"))
                .header("Authorization", "Bearer " + SandboxDefaults.STRIPE_SECRET_KEY)
                .header("Idempotency-Key", "k-1")
                .POST(HttpRequest.BodyPublishers.ofString("email=a@example.pg"));
        Answer first = send(customer);
        Answer elsewhere = send(HttpRequest.newBuilder(URI.create(sandbox.url() + "/v1/payment_intents"))
                .header("Authorization", "Bearer " + SandboxDefaults.STRIPE_SECRET_KEY)
                .header("Idempotency-Key", "k-1")
                .POST(HttpRequest.BodyPublishers.ofString("amount=100&currency=usd")));

        assertThat(first.status()).isEqualTo(200);
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.json().path("error").path("type").asString()).isEqualTo("idempotency_error");
    }

    @Test
    void eventsWaitForAWebhookTargetAndArriveInTheOrderTheyHappened() throws Exception {
        Answer paid = post("/v1/payment_intents", "amount=500&currency=usd&confirm=true&payment_method=pm_card_visa"
                + NO_REDIRECTS);
        String intent = paid.json().path("id").asString();
        post("/v1/refunds", "payment_intent=" + intent + "&amount=100");

        assertThat(sandbox.deliveries()).isEmpty();
        sandbox.setWebhookTarget(endpoint.uri("/webhooks/stripe"));

        await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.received().size() == 5);
        assertThat(endpoint.received().stream().map(WebhookReceiver.Received::eventType)).containsExactly(
                "payment_intent.created", "charge.succeeded", "payment_intent.succeeded", "charge.refunded",
                "refund.created");
        WebhookReceiver.Received refunded = endpoint.events("charge.refunded").get(0);
        JsonNode event = Json.read(refunded.body());
        assertThat(event.path("api_version").asString()).isEqualTo(StripeSandbox.API_VERSION);
        assertThat(event.path("livemode").asBoolean()).isFalse();
        assertThat(event.path("request").path("id").asString()).startsWith("req_");
        assertThat(event.path("data").path("object").path("amount_refunded").asLong()).isEqualTo(100L);
        assertThat(event.path("data").path("object").path("refunded").asBoolean()).isFalse();
    }

    @Test
    void signatureIsStripesHmacOfTimestampAndPayload() throws Exception {
        sandbox.setWebhookTarget(endpoint.uri("/webhooks/stripe"));
        post("/v1/customers", "email=a@example.pg");

        await().atMost(Duration.ofSeconds(5)).until(() -> !endpoint.received().isEmpty());
        WebhookReceiver.Received webhook = endpoint.received().get(0);
        String header = webhook.header("Stripe-Signature");
        long timestamp = Long.parseLong(header.substring(2, header.indexOf(',')));
        assertThat(header).isEqualTo("t=" + timestamp + ",v1="
                + Hmac.sha256Hex(SandboxDefaults.STRIPE_WEBHOOK_SECRET, timestamp + "." + webhook.body()));
        assertThat(Math.abs(timestamp - System.currentTimeMillis() / 1000)).isLessThan(60);
    }

    @Test
    void failedDeliveriesAreRetriedUntilTheEndpointAnswers() throws Exception {
        sandbox.setWebhookTarget(endpoint.uri("/webhooks/stripe"));
        endpoint.failNext(2);

        post("/v1/customers", "email=a@example.pg");

        await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.received().size() == 1);
        List<StripeSandbox.Delivery> tries = sandbox.deliveries();
        assertThat(tries).extracting(StripeSandbox.Delivery::status).containsExactly(500, 500, 200);
        assertThat(tries).extracting(StripeSandbox.Delivery::attempt).containsExactly(1, 2, 3);
    }

    @Test
    void aDeliveryIsGivenUpAfterTheLastTryAndTheNextEventStillGoes() throws Exception {
        sandbox.setWebhookTarget(URI.create("http://127.0.0.1:1/nobody-listens"));
        post("/v1/customers", "email=lost@example.pg");
        await().atMost(Duration.ofSeconds(5)).until(() -> sandbox.deliveries().size() == 5);
        assertThat(sandbox.deliveries()).allSatisfy(delivery -> {
            assertThat(delivery.delivered()).isFalse();
            assertThat(delivery.error()).isNotNull();
        });

        sandbox.setWebhookTarget(endpoint.uri("/webhooks/stripe"));
        post("/v1/customers", "email=found@example.pg");
        await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.received().size() == 1);
    }

    @Test
    void droppedDuplicatedAndResentWebhooksOnRequest() throws Exception {
        sandbox.setWebhookTarget(endpoint.uri("/webhooks/stripe"));
        sandbox.dropNextWebhooks(1);
        post("/v1/customers", "email=dropped@example.pg");
        sandbox.duplicateNextWebhooks(1);
        post("/v1/customers", "email=twice@example.pg");

        await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.received().size() == 2);
        assertThat(endpoint.received()).extracting(received -> Json.read(received.body()).path("id").asString())
                .containsOnly(sandbox.events().get(1).id());
        assertThat(sandbox.deliveries().get(0).attempt()).isZero();

        sandbox.redeliver(sandbox.events().get(0).id());
        await().atMost(Duration.ofSeconds(5)).until(() -> endpoint.received().size() == 3);
        assertThat(Json.read(endpoint.received().get(2).body()).path("data").path("object").path("email").asString())
                .isEqualTo("dropped@example.pg");
    }

    @Test
    void retrievingAnEventAnswersWhatWasSent() throws Exception {
        post("/v1/customers", "email=a@example.pg&metadata[userId]=u-7");
        StripeSandbox.WebhookEvent made = sandbox.events("customer.created").get(0);

        Answer event = get("/v1/events/" + made.id());

        assertThat(event.status()).isEqualTo(200);
        assertThat(event.json()).isEqualTo(Json.read(made.payload()));
        assertThat(event.json().path("data").path("object").path("metadata").path("userId").asString()).isEqualTo("u-7");
    }
}
