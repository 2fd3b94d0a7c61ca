package com.thewans.payment.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.payment.PaymentTestSupport;
import com.thewans.sandbox.SandboxDefaults;
import com.thewans.testkit.TestTokens;

import tools.jackson.databind.JsonNode;

class PurchaseTest extends PaymentTestSupport {

    @Test
    void rentingWithTheTestCardCapturesTheOffersPriceWithItsGstAndIssuesAnInvoice() {
        UUID filmId = PLATFORM.filmForRent();

        var bought = buy(viewer, rental(filmId, "pm_card_visa"));

        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        JsonNode t = bought.json();
        assertThat(bought.header("Location")).isEqualTo("/api/transactions/" + t.get("id").asString());
        assertThat(t.get("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(t.get("amount").get("amount").asLong()).isEqualTo(990);
        assertThat(t.get("amount").get("display").asString()).isEqualTo("K 9.90");
        assertThat(t.get("gst").get("amount").asLong()).isEqualTo(90);
        assertThat(t.get("territory").asString()).isEqualTo("PG");
        assertThat(t.get("windowId").asString()).isEqualTo(PLATFORM.windowOf(filmId).toString());
        assertThat(t.get("providerRef").asString()).startsWith("pi_");
        assertThat(t.has("clientSecret")).isFalse();

        var succeeded = outboxEvents("payment.succeeded", "transactionId", t.get("id").asString());
        assertThat(succeeded).hasSize(1);
        assertThat(succeeded.get(0).get("kind").asString()).isEqualTo("RENTAL");
        assertThat(succeeded.get(0).get("userId").asString()).isEqualTo(viewerId.toString());
        assertThat(succeeded.get(0).get("filmId").asString()).isEqualTo(filmId.toString());
        assertThat(succeeded.get(0).get("windowId").asString()).isEqualTo(PLATFORM.windowOf(filmId).toString());
        assertThat(succeeded.get(0).get("amount").asLong()).isEqualTo(990);
        assertThat(succeeded.get(0).get("currency").asString()).isEqualTo("PGK");
        assertThat(succeeded.get(0).get("provider").asString()).isEqualTo("stripe");

        var invoice = get("/api/invoices/" + t.get("invoiceId").asString(), viewer);
        assertThat(invoice.status()).as(invoice.body()).isEqualTo(200);
        assertThat(invoice.json().get("number").asString()).matches("WANS-\\d{4}-\\d{6}");
        assertThat(invoice.json().get("gst").get("amount").asLong()).isEqualTo(90);
        assertThat(invoice.json().get("net").get("amount").asLong()).isEqualTo(900);
        var pdf = get("/api/invoices/" + t.get("invoiceId").asString() + "/pdf", viewer);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.body()).startsWith("%PDF-");
        assertProblem(get("/api/invoices/" + t.get("invoiceId").asString(), TestTokens.viewer(UUID.randomUUID())), 404,
                "invoice-not-found");

        // Stripe's own webhook for the same payment follows and finds nothing left to do
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject("""
                select count(*) from provider_messages where type = 'payment_intent.succeeded'
                    and payload like ? and processed_at is not null""", Integer.class,
                "%" + t.get("providerRef").asString() + "%") == 1);
        assertThat(outboxEvents("payment.succeeded", "transactionId", t.get("id").asString())).hasSize(1);
    }

    @Test
    void aDeclinedCardFailsThePaymentAndSaysWhy() {
        var bought = buy(viewer, rental(PLATFORM.filmForRent(), "pm_card_chargeDeclined"));

        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        assertThat(bought.json().get("status").asString()).isEqualTo("FAILED");
        assertThat(bought.json().get("failure").get("code").asString()).isEqualTo("generic_decline");
        var failed = outboxEvents("payment.failed", "transactionId", bought.json().get("id").asString());
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("reason").asString()).isEqualTo("generic_decline");
        assertThat(outboxEvents("payment.succeeded", "transactionId", bought.json().get("id").asString())).isEmpty();
    }

    @Test
    void withoutACardTheWebAppConfirmsWithTheClientSecretAndStripesWebhookSettlesIt() throws Exception {
        var bought = buy(viewer, rental(PLATFORM.filmForRent(), null));
        assertThat(bought.json().get("status").asString()).isEqualTo("PENDING");
        String intent = bought.json().get("providerRef").asString();
        assertThat(bought.json().get("clientSecret").asString()).startsWith(intent + "_secret_");

        // what Stripe.js does in the viewer's browser with the test card
        var confirmed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(STRIPE.url() + "/v1/payment_intents/" + intent + "/confirm"))
                .header("Authorization", "Bearer " + SandboxDefaults.STRIPE_SECRET_KEY)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("payment_method=pm_card_visa")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

        JsonNode settled = awaitStatus(bought.json().get("id").asString(), "SUCCEEDED");
        assertThat(settled.get("invoiceId").isNull()).isFalse();
        assertThat(outboxEvents("payment.succeeded", "transactionId", settled.get("id").asString())).hasSize(1);
    }

    @Test
    void thePriceDependsOnWhereTheViewerIsNotOnWhatTheClientSays() {
        UUID filmId = PLATFORM.filmForRent();

        assertProblem(buy(viewer, """
                {"filmId": "%s", "kind": "RENTAL", "currency": "PGK", "amount": 1}""".formatted(filmId)), 400,
                "validation-failed");

        var inFiji = buy(viewer, """
                {"filmId": "%s", "kind": "RENTAL", "currency": "USD", "card": {"paymentMethod": "pm_card_visa"}}"""
                .formatted(filmId), "CF-IPCountry", "FJ");
        assertThat(inFiji.status()).as(inFiji.body()).isEqualTo(201);
        assertThat(inFiji.json().get("territory").asString()).isEqualTo("FJ");
        assertThat(inFiji.json().get("amount").get("amount").asLong()).isEqualTo(299);
        assertThat(inFiji.json().get("gst").get("amount").asLong()).isZero();

        PLATFORM.profileCountry(null);
        assertProblem(buy(viewer, rental(PLATFORM.filmForRent(), "pm_card_visa")), 422, "territory-unknown");
    }

    @Test
    void whatIsNotOnSaleCannotBeBought() {
        UUID filmId = PLATFORM.filmForRent();

        var notForSale = buy(viewer, """
                {"filmId": "%s", "kind": "PURCHASE", "currency": "PGK"}""".formatted(filmId));
        assertProblem(notForSale, 422, "offer-not-available");
        assertThat(notForSale.json().get("offers").toString()).contains("RENT");
        assertProblem(buy(viewer, rental(UUID.randomUUID(), "pm_card_visa")), 422, "offer-not-available");
        assertProblem(buy(viewer, """
                {"filmId": "%s", "kind": "RENTAL", "currency": "AUD"}""".formatted(filmId)), 400, "validation-failed");
        assertProblem(buy(viewer, """
                {"filmId": "%s", "kind": "STREAM", "currency": "PGK"}""".formatted(filmId)), 400, "validation-failed");
        assertProblem(post("/api/transactions", rental(filmId, null), viewer), 400, "validation-failed");
        assertProblem(buy(null, rental(filmId, null)), 401, "unauthorized");
    }

    @Test
    void aSecondPaymentForTheSameThingWhileTheFirstWaitsIsRefused() {
        UUID filmId = PLATFORM.filmForRent();
        var first = buy(viewer, rental(filmId, null));
        assertThat(first.json().get("status").asString()).isEqualTo("PENDING");

        var second = buy(viewer, rental(filmId, null));

        assertProblem(second, 409, "purchase-in-progress");
        assertThat(second.json().get("transactionId").asString()).isEqualTo(first.json().get("id").asString());
    }

    @Test
    void viewersSeeTheirOwnPaymentsAndAdminsSeeAll() {
        var mine = buy(viewer, rental(PLATFORM.filmForRent(), "pm_card_visa")).json().get("id").asString();

        assertThat(get("/api/transactions/mine", viewer).json().get("items").get(0).get("id").asString()).isEqualTo(mine);
        assertProblem(get("/api/transactions/" + mine, TestTokens.viewer(UUID.randomUUID())), 404,
                "transaction-not-found");
        assertThat(get("/api/transactions/" + mine, admin).status()).isEqualTo(200);
        assertThat(get("/api/transactions?status=SUCCEEDED", admin).json().get("totalItems").asLong()).isPositive();
        assertProblem(get("/api/transactions", viewer), 403, "forbidden");
    }

    @Test
    void aPaymentNeverFinishedExpiresAndIsCancelledAtStripe() {
        var bought = buy(viewer, rental(PLATFORM.filmForRent(), null));
        String id = bought.json().get("id").asString();

        clock.advance(Duration.ofMinutes(31));
        int expired = sweep();

        assertThat(expired).isGreaterThanOrEqualTo(1);
        assertThat(transaction(id, viewer).get("status").asString()).isEqualTo("EXPIRED");
        assertThat(outboxEvents("payment.failed", "transactionId", id).get(0).get("reason").asString())
                .isEqualTo("expired");
        assertThat(STRIPE.events("payment_intent.canceled")).anyMatch(e -> e.objectId()
                .equals(bought.json().get("providerRef").asString()));
    }

    @Autowired
    PendingPayments pendingPayments;

    private int sweep() {
        return pendingPayments.expireOverdue();
    }
}
