package com.thewans.royalty.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.common.storage.ObjectStorage;
import com.thewans.royalty.RoyaltyTestSupport;

class PayoutTest extends RoyaltyTestSupport {

    @Autowired
    ObjectStorage storage;

    private UUID creator;
    private UUID film;

    private void creatorWithPayee() {
        creator = UUID.randomUUID();
        film = catalog.film(creator);
        agreement(film, UUID.randomUUID(), JAN);
        assertThat(put("/api/royalty/parties/" + creator + "/payee",
                "{\"accountName\":\"Wantok Films, Ltd\",\"bankCode\":\"088\",\"accountNumber\":\"1001234567\"}",
                admin).status()).isEqualTo(204);
    }

    @Test
    void aBalanceUnderTheThresholdIsCarriedUntilItIsReachedAndThenPaidOnceByBankBatch() {
        creatorWithPayee();
        sale(film, 4400, 400, "PGK", in(JAN, 3)); // creator 2800: under K 50
        close(JAN);
        assertThat(post("/api/royalty/payouts/run", "", admin).json()).isEmpty();

        sale(film, 4400, 400, "PGK", in(FEB, 3)); // 2800 more: 5600
        close(FEB);
        var sent = post("/api/royalty/payouts/run", "", admin).json();
        var again = post("/api/royalty/payouts/run", "", admin).json();

        assertThat(sent).hasSize(1);
        assertThat(again).isEmpty();
        var payout = sent.get(0);
        assertThat(payout.get("partyId").asString()).isEqualTo(creator.toString());
        assertThat(payout.get("amount").asLong()).isEqualTo(5600);
        assertThat(payout.get("status").asString()).isEqualTo("SENT");
        String file = new String(storage.readRange(storage.buckets().masters(), payout.get("batchKey").asString(), 0,
                1 << 20).orElseThrow(), StandardCharsets.US_ASCII);
        assertThat(file).contains("D,088,1001234567,Wantok Films  Ltd,56.00," + payout.get("id").asString() + "\r\n");
        assertThat(file).startsWith("H,1000000001,");
        assertThat(jdbc.queryForObject("select count(*) from statement where payout_id = ?::uuid", Long.class,
                payout.get("id").asString())).isEqualTo(2);
        assertThat(outboxEvents("royalty.payout_sent", "payoutId", payout.get("id").asString())).hasSize(1);
    }

    @Test
    void aReturnedPayoutIsRetriedWithTheNextBatchAndThenPaid() {
        creatorWithPayee();
        sale(film, 11000, 1000, "PGK", in(JAN, 3));
        close(JAN);
        String id = post("/api/royalty/payouts/run", "", admin).json().get(0).get("id").asString();

        var failed = post("/api/royalty/payouts/" + id + "/failed", "{\"reason\":\"account closed\"}", admin).json();
        assertProblem(post("/api/royalty/payouts/" + id + "/paid", "", admin), 409, "payout-state-conflict");
        var retried = post("/api/royalty/payouts/" + id + "/retry", "", admin).json();
        var resent = post("/api/royalty/payouts/run", "", admin).json();
        var paid = post("/api/royalty/payouts/" + id + "/paid", "", admin).json();

        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(retried.get("status").asString()).isEqualTo("RETRIED");
        assertThat(resent.get(0).get("id").asString()).isEqualTo(id);
        assertThat(resent.get(0).get("attempts").asInt()).isEqualTo(2);
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(jdbc.queryForObject("select count(*) from payout", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where target = ?", Long.class, "payout:" + id))
                .isEqualTo(6); // scheduled, sent, failed, retried, sent, paid
        assertThat(get("/api/royalty/creator/" + creator, admin).json().get("paid").get(0).get("amount").asLong())
                .isEqualTo(7000);
    }
}
