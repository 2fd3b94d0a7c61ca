package com.thewans.payment.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.payment.PaymentTestSupport;
import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

class RefundTest extends PaymentTestSupport {

    private TestHttp.Response refund(String transactionId, String body, String key) {
        return post("/api/transactions/" + transactionId + "/refunds", body, admin, "Idempotency-Key", key);
    }

    @Test
    void anAdminRefundsPartThenTheRestThroughStripeAndOnlyTheFullRefundRevokes() {
        String id = buy(viewer, rental(PLATFORM.filmForRent(), "pm_card_visa")).json().get("id").asString();

        var part = refund(id, """
                {"amount": 490, "reason": "Playback failed for the last 20 minutes"}""", UUID.randomUUID().toString());
        assertThat(part.status()).as(part.body()).isEqualTo(202);
        assertThat(part.json().get("refundId").asString()).startsWith("re_");
        JsonNode partly = awaitStatus(id, "PARTIALLY_REFUNDED");
        assertThat(partly.get("refunded").get("amount").asLong()).isEqualTo(490);
        assertThat(outboxEvents("payment.partially_refunded", "transactionId", id)).hasSize(1);
        assertThat(outboxEvents("payment.refunded", "transactionId", id)).isEmpty();

        assertProblem(refund(id, """
                {"amount": 600, "reason": "too much"}""", UUID.randomUUID().toString()), 422, "refund-too-large");

        var rest = refund(id, """
                {"reason": "Customer asked"}""", UUID.randomUUID().toString());
        assertThat(rest.json().get("amount").asLong()).isEqualTo(500);
        awaitStatus(id, "REFUNDED");
        var refunded = outboxEvents("payment.refunded", "transactionId", id);
        assertThat(refunded).hasSize(1);
        assertThat(refunded.get(0).get("amount").asLong()).isEqualTo(990);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'payment.refund-requested' "
                + "and target = ?", Integer.class, "transaction:" + id)).isEqualTo(2);

        assertProblem(refund(id, """
                {"reason": "again"}""", UUID.randomUUID().toString()), 409, "transaction-not-refundable");
    }

    @Test
    void aRetriedRefundWithItsKeyRefundsOnce() {
        String id = buy(viewer, rental(PLATFORM.filmForRent(), "pm_card_visa")).json().get("id").asString();
        String key = UUID.randomUUID().toString();

        var first = refund(id, """
                {"amount": 100, "reason": "goodwill"}""", key);
        var again = refund(id, """
                {"amount": 100, "reason": "goodwill"}""", key);

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(awaitStatus(id, "PARTIALLY_REFUNDED").get("refunded").get("amount").asLong()).isEqualTo(100);
        assertThat(STRIPE.events("charge.refunded").stream().filter(e -> e.payload().contains(id)).count())
                .isEqualTo(1);
    }

    @Test
    void onlyAdminsRefundAndOnlyCapturedMoney() {
        String pending = buy(viewer, rental(PLATFORM.filmForRent(), null)).json().get("id").asString();

        assertProblem(post("/api/transactions/" + pending + "/refunds", """
                {"reason": "mine"}""", viewer, "Idempotency-Key", UUID.randomUUID().toString()), 403, "forbidden");
        assertProblem(refund(pending, """
                {"reason": "nothing captured"}""", UUID.randomUUID().toString()), 409, "transaction-not-refundable");
        assertProblem(refund(UUID.randomUUID().toString(), """
                {"reason": "unknown"}""", UUID.randomUUID().toString()), 404, "transaction-not-found");
        assertProblem(refund(pending, """
                {"amount": 0, "reason": "zero"}""", UUID.randomUUID().toString()), 400, "validation-failed");
    }
}
