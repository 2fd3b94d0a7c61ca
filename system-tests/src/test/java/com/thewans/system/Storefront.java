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

import com.thewans.devstack.Infrastructure;
import com.thewans.sandbox.SandboxDefaults;

import tools.jackson.databind.JsonNode;

/**
 * What the stories need to have a film on sale and rented, done the way the platform's users do it:
 * a creator publishes, an admin opens a rental window, a viewer in Papua New Guinea buys and confirms
 * with Stripe's test card in the local sandbox, as Stripe.js would in their browser.
 */
final class Storefront {

    /** The rental price every story's window asks. */
    static final int RENTAL_TOEA = 990;

    private Storefront() {
    }

    /** A creator's film, created and published; its id. */
    static String publishedFilm(Visitor studio, Visitor.Session creator, String title, String synopsis,
            int runtimeMinutes, String genre) {
        var created = studio.send("POST", "/api/films", Map.of("title", title, "synopsis", synopsis,
                "runtimeMinutes", runtimeMinutes, "releaseYear", 2025, "maturityRating", "G", "genres",
                List.of(genre)), creator);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String filmId = created.json().get("id").asString();
        var published = studio.send("POST", "/api/films/" + filmId + "/publish", null, creator);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return filmId;
    }

    /** An admin opens a 30-day TVOD window at K 9.90: worldwide, or in the territories named. */
    static void openRentals(Visitor office, Visitor.Session admin, String filmId, String... territories) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> where = territories.length == 0 ? Map.of("worldwide", true)
                : Map.of("territories", List.of(territories));
        var window = new java.util.HashMap<String, Object>(where);
        window.putAll(Map.of("filmId", filmId, "type", "TVOD", "startsAt", now.minusSeconds(60).toString(),
                "endsAt", now.plus(Duration.ofDays(30)).toString(),
                "prices", List.of(Map.of("currency", "PGK", "amount", RENTAL_TOEA))));
        var opened = office.send("POST", "/api/windows", window, admin);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    }

    /** A viewer in PG (the CDN says so) asks to rent the film by card: the PENDING payment. */
    static JsonNode buyRental(Visitor someone, Visitor.Session viewer, String filmId) {
        var bought = someone.send("POST", "/api/transactions", Map.of("filmId", filmId, "kind", "RENTAL",
                "currency", "PGK"), viewer, "Idempotency-Key", UUID.randomUUID().toString(), "CF-IPCountry", "PG");
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        return bought.json();
    }

    /** What Stripe.js does in the viewer's browser: confirm the payment with the test card 4242 4242 4242 4242. */
    static void confirmWithTestCard(JsonNode payment) throws Exception {
        int stripePort = Infrastructure.STRIPE_SANDBOX_PORT + RunningPlatform.PORT_OFFSET;
        HttpResponse<String> confirmed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + stripePort + "/v1/payment_intents/" + payment.get("providerRef").asString()
                        + "/confirm"))
                .header("Authorization", "Bearer " + SandboxDefaults.STRIPE_SECRET_KEY)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("payment_method=pm_card_visa")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
    }

    /** Waits until the sandbox's signed webhook has made the payment SUCCEEDED; the payment as it is then. */
    static JsonNode awaitSucceeded(Visitor someone, Visitor.Session viewer, JsonNode payment) {
        String transaction = "/api/transactions/" + payment.get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> someone.get(transaction, viewer).json().get("status").asString(), "SUCCEEDED"::equals);
        return someone.get(transaction, viewer).json();
    }

    /** Waits until rights-service lets the viewer in PG watch the film. */
    static void awaitAllowedToWatch(Visitor someone, Visitor.Session viewer, String filmId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> someone.get("/api/entitlements/check?filmId=" + filmId + "&territory=PG", viewer).json(),
                        check -> check.path("allowed").asBoolean(false));
    }

    /** The whole rental by card: bought, confirmed, paid and granted; the paid payment. */
    static JsonNode rentWithTestCard(Visitor someone, Visitor.Session viewer, String filmId) throws Exception {
        JsonNode payment = buyRental(someone, viewer, filmId);
        confirmWithTestCard(payment);
        JsonNode paid = awaitSucceeded(someone, viewer, payment);
        awaitAllowedToWatch(someone, viewer, filmId);
        return paid;
    }
}
