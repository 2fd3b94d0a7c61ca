package com.thewans.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
        String filmId = Storefront.publishedFilm(studio, creator, "Kundu Drums " + UUID.randomUUID(),
                "A drum maker on the Sepik teaches his granddaughter the old rhythms.", 88, "drama");
        Storefront.openRentals(office, admin, filmId);

        Visitor someone = new Visitor(gateway);
        Visitor.Session viewer = someone.newViewer();
        // the CDN in front of the gateway says where the viewer is
        JsonNode payment = Storefront.buyRental(someone, viewer, filmId);
        assertThat(payment.get("status").asString()).isEqualTo("PENDING");
        assertThat(payment.get("amount").get("display").asString()).isEqualTo("K 9.90");
        assertThat(payment.get("gst").get("amount").asLong()).isEqualTo(90);

        Storefront.confirmWithTestCard(payment);

        // Stripe's signed webhook reaches payment-service through the gateway
        String invoiceId = Storefront.awaitSucceeded(someone, viewer, payment).get("invoiceId").asString();
        var pdf = someone.get("/api/invoices/" + invoiceId + "/pdf", viewer);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");

        // rights-service hears payment.succeeded and grants the rental
        Storefront.awaitAllowedToWatch(someone, viewer, filmId);
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
        String filmId = Storefront.publishedFilm(studio, creator, "Sing-Sing at Goroka " + UUID.randomUUID(),
                "Three clans rehearse for the Goroka Show and one of them has lost its drummer.", 95, "drama");
        Storefront.openRentals(office, admin, filmId, "PG");

        Visitor someone = new Visitor(gateway);
        Visitor.Session viewer = someone.newViewer();
        // the sandbox's payer who approves on their phone, but whose wallet's callback is lost
        var bought = someone.send("POST", "/api/transactions", Map.of("filmId", filmId, "kind", "RENTAL",
                "currency", "PGK", "mobileMoney", Map.of("wallet", "cellmoni", "phone", "+67570000004")), viewer,
                "Idempotency-Key", UUID.randomUUID().toString(), "CF-IPCountry", "PG");
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        assertThat(bought.json().get("status").asString()).isEqualTo("PENDING");
        assertThat(bought.json().get("amount").get("display").asString()).isEqualTo("K 9.90");

        assertThat(Storefront.awaitSucceeded(someone, viewer, bought.json()).get("invoiceId").isNull()).isFalse();
        Storefront.awaitAllowedToWatch(someone, viewer, filmId);
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
        String filmId = Storefront.publishedFilm(studio, creator, "Reef Keepers " + UUID.randomUUID(),
                "Divers of Kimbe Bay count the fish their grandparents named.", 61, "documentary");
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
        Storefront.awaitAllowedToWatch(someone, viewer, filmId);
        assertThat(someone.get("/api/entitlements/check?filmId=" + filmId + "&territory=PG", viewer).json()
                .get("via").asString()).isEqualTo("SUBSCRIPTION");
    }
}
