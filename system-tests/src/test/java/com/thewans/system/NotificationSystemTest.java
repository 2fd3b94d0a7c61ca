package com.thewans.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
        String filmId = Storefront.publishedFilm(studio, creator, title,
                "Carvers of the middle Sepik tell the stories in the wood.", 74, "documentary");
        Storefront.openRentals(office, admin, filmId);

        Visitor someone = new Visitor(gateway);
        String email = someone.register(Visitor.uniqueEmail("renter"));
        Visitor.Session viewer = someone.login(email);
        JsonNode payment = Storefront.buyRental(someone, viewer, filmId);
        Storefront.confirmWithTestCard(payment);
        String invoiceId = Storefront.awaitSucceeded(someone, viewer, payment).get("invoiceId").asString();

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
