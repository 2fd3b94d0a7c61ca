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
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.thewans.devstack.Infrastructure;
import com.thewans.sandbox.SandboxDefaults;
import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

/**
 * Issue 19's stories through the gateway: the codes identity asks for arrive (by email in the stack's
 * SMTP catcher, by text in the SMS sandbox), so a new user verifies for real; a rental's receipt
 * arrives once payment-service announces the payment.
 */
@Order(6)
@ExtendWith(RunningPlatform.class)
class NotificationSystemTest {

    static TestHttp gateway;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
    }

    @Test
    void aNewUserConfirmsTheirEmailWithTheCodeThatArrived() {
        Visitor visitor = new Visitor(gateway);
        String email = visitor.register(Visitor.uniqueEmail("kila"));
        Visitor.Session session = visitor.login(email);
        assertThat(visitor.get("/api/auth/account", session).json().get("emailVerified").asBoolean()).isFalse();

        // identity's email code is a long token, clicked in a link to the web app or pasted
        Mailbox.Mail mail = Mailbox.await(email, "Confirm your email for THE WANS");
        String code = Mailbox.emailedCode(mail.text());
        assertThat(mail.text()).contains("/verify?destination=").contains("&code=" + code);

        var confirmed = visitor.send("POST", "/api/auth/verification/confirm",
                Map.of("destination", email, "code", code), null);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
        assertThat(visitor.get("/api/auth/account", session).json().get("emailVerified").asBoolean()).isTrue();
        // a welcome waits in the inbox too
        var inbox = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> visitor.get("/api/notify/user/" + session.userId(), session),
                        r -> r.status() == 200 && r.json().get("totalItems").asLong() >= 1);
        assertThat(inbox.json().get("items").get(0).get("type").asString()).isEqualTo("WELCOME");
    }

    @Test
    void aPhoneRegistrationGetsItsCodeByText() {
        Visitor visitor = new Visitor(gateway);
        String phone = "+6757" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999));
        var registered = visitor.send("POST", "/api/auth/register", Map.of("phone", phone, "password",
                Visitor.PASSWORD), null);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        String code = Mailbox.codeTextedTo(phone);

        var confirmed = visitor.send("POST", "/api/auth/verification/confirm",
                Map.of("destination", phone, "code", code), null);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
        var signedIn = visitor.send("POST", "/api/auth/login", Map.of("phone", phone, "password", Visitor.PASSWORD,
                "deviceName", "System test phone", "deviceType", "mobile", "fingerprint", "fp-" + UUID.randomUUID()),
                null);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
        assertThat(visitor.get("/api/auth/account", Visitor.session(signedIn)).json().get("phoneVerified")
                .asBoolean()).isTrue();
    }

    @Test
    void aRentalsReceiptArrivesOnceWithItsInvoice() throws Exception {
        Visitor office = new Visitor(gateway);
        Visitor.Session admin = office.admin();
        Visitor studio = new Visitor(gateway);
        Visitor.Session creator = studio.newCreator();
        String title = "Sepik Stories " + UUID.randomUUID().toString().substring(0, 6);
        var created = studio.send("POST", "/api/films", Map.of("title", title,
                "synopsis", "Carvers of the middle Sepik tell the stories in the wood.", "runtimeMinutes", 74,
                "releaseYear", 2025, "maturityRating", "G", "genres", List.of("documentary")), creator);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String filmId = created.json().get("id").asString();
        assertThat(studio.send("POST", "/api/films/" + filmId + "/publish", null, creator).status()).isEqualTo(200);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var tvod = office.send("POST", "/api/windows", Map.of("filmId", filmId, "type", "TVOD", "worldwide", true,
                "startsAt", now.minusSeconds(60).toString(), "endsAt", now.plus(Duration.ofDays(30)).toString(),
                "prices", List.of(Map.of("currency", "PGK", "amount", 990))), admin);
        assertThat(tvod.status()).as(tvod.body()).isEqualTo(201);

        Visitor someone = new Visitor(gateway);
        String email = someone.register(Visitor.uniqueEmail("renter"));
        Visitor.Session viewer = someone.login(email);
        var bought = someone.send("POST", "/api/transactions", Map.of("filmId", filmId, "kind", "RENTAL",
                "currency", "PGK"), viewer, "Idempotency-Key", UUID.randomUUID().toString(), "CF-IPCountry", "PG");
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        JsonNode payment = bought.json();
        int stripePort = Infrastructure.STRIPE_SANDBOX_PORT + RunningPlatform.PORT_OFFSET;
        HttpResponse<String> confirmed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://127.0.0.1:" + stripePort + "/v1/payment_intents/" + payment.get("providerRef").asString()
                        + "/confirm"))
                .header("Authorization", "Bearer " + SandboxDefaults.STRIPE_SECRET_KEY)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("payment_method=pm_card_visa")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        String transaction = "/api/transactions/" + payment.get("id").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> someone.get(transaction, viewer).json().get("status").asString(), "SUCCEEDED"::equals);
        String invoiceId = someone.get(transaction, viewer).json().get("invoiceId").asString();

        Mailbox.Mail receipt = Mailbox.await(email, "Your receipt: K 9.90");
        assertThat(receipt.text()).contains("We received K 9.90 for " + title + " (rental).")
                .contains("/api/invoices/" + invoiceId + "/pdf");
        // the rental's terms follow once rights-service grants it
        Mailbox.Mail rental = Mailbox.await(email, "You rented " + title);
        assertThat(rental.text()).contains("30 days to start watching").contains("48 hours");
        // and the receipt is not sent twice, however many provider messages reported the payment
        assertThat(Mailbox.to(email).stream().filter(m -> m.subject().startsWith("Your receipt"))).hasSize(1);
    }
}
