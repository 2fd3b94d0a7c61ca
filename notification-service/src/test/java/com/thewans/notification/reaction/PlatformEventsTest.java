package com.thewans.notification.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.thewans.notification.NotificationTestSupport;
import com.thewans.testkit.TestTokens;

import tools.jackson.databind.JsonNode;

/** What viewers and creators hear when payment, rights, transcoding and catalog announce something. */
class PlatformEventsTest extends NotificationTestSupport {

    private UUID knownUser(String address) {
        UUID user = UUID.randomUUID();
        verificationByEmail(user, address, "123456");
        awaitMail(address);
        return user;
    }

    private UUID film(UUID creator, String title) {
        UUID film = UUID.randomUUID();
        publish("film.created", Map.of("filmId", film.toString(), "creatorId", creator.toString(), "title", title,
                "slug", title.toLowerCase(), "status", "DRAFT", "genres", List.of("drama"), "version", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from films where film_id = ?", Long.class, film) == 1);
        return film;
    }

    private JsonNode inbox(UUID user) {
        return get("/api/notify/user/" + user, TestTokens.viewer(user)).json();
    }

    @Test
    void aPaymentSendsAReceiptWithTheInvoiceLinkByEmailAndInbox() throws Exception {
        String address = email();
        UUID viewer = knownUser(address);
        UUID film = film(UUID.randomUUID(), "Sanguma");
        UUID invoice = UUID.randomUUID();

        publish("payment.succeeded", Map.of("transactionId", UUID.randomUUID().toString(), "userId", viewer.toString(),
                "kind", "RENTAL", "filmId", film.toString(), "amount", 990, "currency", "PGK", "provider", "stripe",
                "invoiceId", invoice.toString(), "invoiceNumber", "WANS-2026-000042"));

        MimeMessage receipt = awaitMails(address, 2).get(1);
        assertThat(receipt.getSubject()).isEqualTo("Your receipt: K 9.90");
        Parts parts = parts(receipt);
        assertThat(parts.text()).contains("We received K 9.90 for Sanguma (rental).")
                .contains("Invoice WANS-2026-000042")
                .contains("http://localhost:8080/api/invoices/" + invoice + "/pdf");
        assertThat(parts.html()).contains("href=\"http://localhost:8080/api/invoices/" + invoice + "/pdf\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox(viewer).get("totalItems").asLong() == 1);
        assertThat(inbox(viewer).get("items").get(0).get("title").asString()).isEqualTo("Payment received: K 9.90");
    }

    @Test
    void aFailedPaymentSaysWhy() throws Exception {
        String address = email();
        UUID viewer = knownUser(address);

        publish("payment.failed", Map.of("transactionId", UUID.randomUUID().toString(), "userId", viewer.toString(),
                "kind", "PURCHASE", "amount", 2500, "currency", "PGK", "provider", "stripe",
                "reason", "insufficient_funds"));

        MimeMessage failed = awaitMails(address, 2).get(1);
        assertThat(failed.getSubject()).isEqualTo("Your payment of K 25.00 did not go through");
        assertThat(parts(failed).text()).contains("(insufficient funds)");
    }

    @Test
    void aRentalTellsTheViewerItsThirtyDaysAndFortyEightHours() throws Exception {
        String address = email();
        UUID viewer = knownUser(address);
        UUID film = film(UUID.randomUUID(), "Tinpis Run");

        publish("entitlement.granted", Map.of("entitlementId", UUID.randomUUID().toString(), "userId", viewer.toString(),
                "kind", "RENTAL", "source", "PAYMENT", "filmId", film.toString(),
                "validFrom", clock.instant().toString(), "startBy", "2027-01-06T00:00:00Z",
                "validUntil", "2027-01-06T00:00:00Z"));

        MimeMessage rental = awaitMails(address, 2).get(1);
        assertThat(rental.getSubject()).isEqualTo("You rented Tinpis Run");
        assertThat(parts(rental).text()).contains("30 days to start watching (until 6 Jan 2027, 10:00)")
                .contains("48 hours");
    }

    @Test
    void theCreatorHearsTheirFilmIsReady() throws Exception {
        String address = email();
        UUID creator = knownUser(address);
        UUID film = film(creator, "Papa's Canoe");

        publish("transcode.completed", Map.of("jobId", UUID.randomUUID().toString(), "filmId", film.toString(),
                "creatorId", creator.toString(), "hlsMasterKey", "films/x/master.m3u8"));

        MimeMessage ready = awaitMails(address, 2).get(1);
        assertThat(ready.getSubject()).isEqualTo("Papa's Canoe is ready");
        assertThat(parts(ready).html()).contains("<strong>Papa&#39;s Canoe</strong>")
                .contains("http://localhost:3000/creator/films/" + film);
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox(creator).get("totalItems").asLong() == 1);
        assertThat(inbox(creator).get("items").get(0).get("type").asString()).isEqualTo("FILM_READY");
    }

    @Test
    void theCreatorHearsWhatTheirFilmEarnedWhenAStatementIsIssued() throws Exception {
        String address = email();
        UUID creator = knownUser(address);
        UUID film = film(creator, "Bilum Stories");
        UUID statement = UUID.randomUUID();

        publish("royalty.statement_issued", Map.of("statementId", statement.toString(), "partyId", creator.toString(),
                "role", "PRODUCER", "filmId", film.toString(), "period", "2026-11", "currency", "PGK",
                "amount", 63000, "hash", "ab".repeat(32)));
        publish("royalty.statement_issued", Map.of("statementId", UUID.randomUUID().toString(),
                "partyId", UUID.randomUUID().toString(), "role", "DISTRIBUTOR", "filmId", film.toString(),
                "period", "2026-11", "currency", "PGK", "amount", 18000, "hash", "cd".repeat(32)));

        MimeMessage told = awaitMails(address, 2).get(1);
        assertThat(told.getSubject()).isEqualTo("Your royalty statement for Bilum Stories, 2026-11");
        assertThat(parts(told).text()).contains("K 630.00").contains("http://localhost:3000/creator/royalties/" + statement);
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox(creator).get("totalItems").asLong() == 1);
        assertThat(inbox(creator).get("items").get(0).get("type").asString()).isEqualTo("ROYALTY_STATEMENT");
    }

    @Test
    void subscriptionRenewalPastDueAndEndAreTold() {
        String address = email();
        UUID viewer = knownUser(address);
        String subscription = UUID.randomUUID().toString();
        Map<String, Object> data = Map.of("subscriptionId", subscription, "userId", viewer.toString(),
                "plan", "premium-monthly", "status", "ACTIVE", "currentPeriodEnd", "2027-01-07T00:00:00Z",
                "cancelAtPeriodEnd", false);

        publish("subscription.renewed", data);
        publish("subscription.past_due", data);
        publish("subscription.expired", data);

        List<MimeMessage> mails = awaitMails(address, 4);
        assertThat(mails.stream().skip(1).map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        })).containsExactlyInAnyOrder("Your premium-monthly subscription is renewed",
                "We could not renew your premium-monthly subscription",
                "Your premium-monthly subscription has ended");
    }
}
