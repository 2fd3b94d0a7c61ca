package com.thewans.royalty.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.royalty.agreement.RevenueKind;

/**
 * Sales from payment.succeeded and their reversals from payment.refunded. A sale is booked net of
 * the GST it contains (what the invoice shows); a refund reverses exactly what the sale booked. The
 * two travel on different streams, so a refund may come first: it is remembered, and the sale,
 * when it arrives, is booked and reversed at once. Both sides take one advisory lock per transaction.
 */
@Component
class Sales {

    private final JdbcTemplate jdbc;
    private final RevenueLedger ledger;

    Sales(JdbcTemplate jdbc, RevenueLedger ledger) {
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    @Transactional
    void paid(PaymentSucceeded payment, Instant occurredAt) {
        if (payment.amount() <= 0) {
            return; // a trial's payment of nothing earns nobody anything
        }
        lock(payment.transactionId());
        RevenueKind kind = payment.revenueKind();
        long net = payment.amount() - payment.taxAmount();
        jdbc.update("""
                insert into sale (transaction_id, film_id, revenue_kind, territory, currency, net_amount)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing""", payment.transactionId(),
                kind == RevenueKind.SVOD ? null : payment.filmId(), kind.name(), payment.territory(),
                payment.currency(), net);
        ledger.book("payment:" + payment.transactionId(), kind == RevenueKind.SVOD ? null : payment.filmId(), kind,
                payment.territory(), payment.currency(), net, occurredAt);
        jdbc.query("select occurred_at from refund_seen where transaction_id = ?",
                rs -> {
                    reverse(payment.transactionId(), rs.getTimestamp(1).toInstant());
                }, payment.transactionId());
    }

    @Transactional
    void refunded(UUID transactionId, Instant occurredAt) {
        lock(transactionId);
        jdbc.update("insert into refund_seen (transaction_id, occurred_at) values (?, ?) on conflict do nothing",
                transactionId, java.sql.Timestamp.from(occurredAt));
        reverse(transactionId, occurredAt);
    }

    private void reverse(UUID transactionId, Instant occurredAt) {
        for (Map<String, Object> sale : jdbc.queryForList("select * from sale where transaction_id = ?",
                transactionId)) {
            ledger.book("refund:" + transactionId, (UUID) sale.get("film_id"),
                    RevenueKind.valueOf((String) sale.get("revenue_kind")), (String) sale.get("territory"),
                    (String) sale.get("currency"), -((Number) sale.get("net_amount")).longValue(), occurredAt);
        }
    }

    private void lock(UUID transactionId) {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtextextended('sale:' || ?, 0))", Object.class,
                transactionId.toString());
    }
}
