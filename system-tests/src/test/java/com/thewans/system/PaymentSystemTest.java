package com.thewans.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.thewans.devstack.Infrastructure;
import com.thewans.sandbox.SandboxDefaults;
import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

/**
 * The seed's third story, "a user rents a film", through the gateway: a viewer in Papua New Guinea
 * rents a film for K 9.90 with Stripe's test card, the local Stripe sandbox sends its signed
 * webhook to the gateway as Stripe would, the payment succeeds with a downloadable invoice, and
 * rights-service grants a 48-hour rental the viewer may watch; the same rental paid by mobile money
 * whose wallet never calls back, found by payment-service's poll; and a subscription paid by card
 * opens the SVOD films of the viewer's territory.
 */
@Order(5)
@ExtendWith(RunningPlatform.class)
class PaymentSystemTest {

    static TestHttp gateway;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
    }

    @Test
    void aViewerInPngRentsAFilmWithTheTestCardAndMayWatchItForFortyEightHours() throws Exception {
        Visitor office = new Visitor(gateway);
        Visitor.Session admin = office.admin();
        Visitor studio = new Visitor(gateway);
        Visitor.Session creator = studio.newCreator();
        var created = studio.send("POST", "/api/films", Map.of("title", "Kundu Drums " + UUID.randomUUID(),
                "synopsis", "A drum maker on the Sepik teaches his granddaughter the old rhythms.",
                "runtimeMinutes", 88, "releaseYear", 2025, "maturityRating", "G", "genres", List.of("drama")), creator);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String filmId = created.json().get("id").asString();
        assertThat(studio.send("POST", "/api/films/" + filmId + "/publish", null, creator).status()).isEqualTo(200);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var tvod = office.send("POST", "/api/windows", Map.of("filmId", filmId, "type", "TVOD", "worldwide", true,
                "startsAt", now.minusSeconds(60).toString(), "endsAt", now.plus(Duration.ofDays(30)).toString(),
                "prices", List.of(Map.of("currency", "PGK", "amount", 990))), admin);
        assertThat(tvod.status()).as(tvod.body()).isEqualTo(201);

        Visitor someone = new Visitor(gateway);
        Visitor.Session viewer = someone.newViewer();
        // the CDN in front of the gateway says where the viewer is
        var bought = someone.send("POST", "/api/transactions", Map.of("filmId", filmId, "kind", "RENTAL",
                "currency", "PGK"), viewer, "Idempotency-Key", UUID.randomUUID().toString(), "CF-IPCountry", "PG");
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        JsonNode payment = bought.json();
        assertThat(payment.get("status").asString()).isEqualTo("PENDING");
        assertThat(payment.get("amount").get("display").asString()).isEqualTo("K 9.90");
        assertThat(payment.get("gst").get("amount").asLong()).isEqualTo(90);

        // what Stripe.js does in the viewer's browser: confirm with the test card 4242 4242 4242 4242
        int stripePort = Infrastructure.STRIPE_SANDBOX_PORT + RunningPlatform.PORT_OFFSET;
        HttpResponse<String> confirmed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + stripePort + "/v1/payment_intents/" + payment.get("providerRef").asString()
                        + "/confirm"))
                .header("Authorization", "Bearer " + SandboxDefaults.STRIPE_SECRET_KEY)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("payment_method=pm_card_visa")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

        // Stripe's signed webhook reaches payment-service through the gateway
        String transaction = "/api/transactions/" + payment.get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> someone.get(transaction, viewer).json().get("status").asString(), "SUCCEEDED"::equals);
        String invoiceId = someone.get(transaction, viewer).json().get("invoiceId").asString();
        var pdf = someone.get("/api/invoices/" + invoiceId + "/pdf", viewer);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");

        // rights-service hears payment.succeeded and grants the rental
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> someone.get("/api/entitlements/check?filmId=" + filmId + "&territory=PG", viewer).json(),
                        check -> check.path("allowed").asBoolean(false));
        JsonNode rental = someone.get("/api/entitlements/mine", viewer).json().get("items").get(0);
        assertThat(rental.get("kind").asString()).isEqualTo("RENTAL");
        assertThat(rental.get("filmId").asString()).isEqualTo(filmId);
        assertThat(rental.get("transactionId").asString()).isEqualTo(payment.get("id").asString());
        assertThat(rental.get("watchHours").asInt()).isEqualTo(48);
    }

    @Test
    void aRentalPaidByMobileMoneyWhoseCallbackNeverComesIsFoundByThePollAndGranted() {
        Visitor office = new Visitor(gateway);
        Visitor.Session admin = office.admin();
        Visitor studio = new Visitor(gateway);
        Visitor.Session creator = studio.newCreator();
        var created = studio.send("POST", "/api/films", Map.of("title", "Sing-Sing at Goroka " + UUID.randomUUID(),
                "synopsis", "Three clans rehearse for the Goroka Show and one of them has lost its drummer.",
                "runtimeMinutes", 95, "releaseYear", 2026, "maturityRating", "G", "genres", List.of("drama")),
                creator);
        String filmId = created.json().get("id").asString();
        assertThat(studio.send("POST", "/api/films/" + filmId + "/publish", null, creator).status()).isEqualTo(200);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(office.send("POST", "/api/windows", Map.of("filmId", filmId, "type", "TVOD", "territories",
                List.of("PG"), "startsAt", now.minusSeconds(60).toString(), "endsAt",
                now.plus(Duration.ofDays(30)).toString(), "prices", List.of(Map.of("currency", "PGK", "amount", 990))),
                admin).status()).isEqualTo(201);

        Visitor someone = new Visitor(gateway);
        Visitor.Session viewer = someone.newViewer();
        // the sandbox's payer who approves on their phone, but whose wallet's callback is lost
        var bought = someone.send("POST", "/api/transactions", Map.of("filmId", filmId, "kind", "RENTAL",
                "currency", "PGK", "mobileMoney", Map.of("wallet", "cellmoni", "phone", "+67570000004")), viewer,
                "Idempotency-Key", UUID.randomUUID().toString(), "CF-IPCountry", "PG");
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        assertThat(bought.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(bought.json().get("amount").get("display").asString()).isEqualTo("K 9.90");

        String transaction = "/api/transactions/" + bought.json().get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> someone.get(transaction, viewer).json().get("status").asString(), "SUCCEEDED"::equals);
        assertThat(someone.get(transaction, viewer).json().get("invoiceId").isNull()).isFalse();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> someone.get("/api/entitlements/check?filmId=" + filmId + "&territory=PG", viewer).json(),
                        check -> check.path("allowed").asBoolean(false));
        JsonNode rental = someone.get("/api/entitlements/mine", viewer).json().get("items").get(0);
        assertThat(rental.get("kind").asString()).isEqualTo("RENTAL");
        assertThat(rental.get("transactionId").asString()).isEqualTo(bought.json().get("id").asString());
    }

    @Test
    void aSubscriptionWithTheTestCardOpensEverySvodFilmInItsTerritory() {
        Visitor office = new Visitor(gateway);
        Visitor.Session admin = office.admin();
        Visitor studio = new Visitor(gateway);
        Visitor.Session creator = studio.newCreator();
        var created = studio.send("POST", "/api/films", Map.of("title", "Reef Keepers " + UUID.randomUUID(),
                "synopsis", "Divers of Kimbe Bay count the fish their grandparents named.", "runtimeMinutes", 61,
                "releaseYear", 2024, "maturityRating", "G", "genres", List.of("documentary")), creator);
        String filmId = created.json().get("id").asString();
        assertThat(studio.send("POST", "/api/films/" + filmId + "/publish", null, creator).status()).isEqualTo(200);
        var svod = office.send("POST", "/api/windows", Map.of("filmId", filmId, "type", "SVOD", "territories",
                List.of("PG"), "startsAt", Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS).toString()),
                admin);
        assertThat(svod.status()).as(svod.body()).isEqualTo(201);

        Visitor someone = new Visitor(gateway);
        Visitor.Session viewer = someone.newViewer();
        var subscribed = someone.send("POST", "/api/subscriptions", Map.of("plan", "standard", "currency", "PGK",
                "card", Map.of("paymentMethod", "pm_card_visa")), viewer, "Idempotency-Key",
                UUID.randomUUID().toString(), "CF-IPCountry", "PG");
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        assertThat(subscribed.json().get("status").asString()).isEqualTo("TRIALING");

        // Stripe's invoice for the trial reaches payment-service, which tells rights-service
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> someone.get("/api/entitlements/check?filmId=" + filmId + "&territory=PG", viewer).json(),
                        check -> check.path("allowed").asBoolean(false));
        assertThat(someone.get("/api/entitlements/check?filmId=" + filmId + "&territory=PG", viewer).json()
                .get("via").asString()).isEqualTo("SUBSCRIPTION");
    }
}
