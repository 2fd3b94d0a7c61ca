package com.thewans.royalty.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.royalty.agreement.RevenueKind;

/**
 * Sales from payment.succeeded and their reversals from payment.refunded and
 * payment.partially_refunded. A sale is booked net of the GST it contains (what the invoice shows).
 * Every refund event names the payment's refunded total so far; what should have been taken back
 * at that total is {@code floor(net * refundedTotal / gross)} (the whole net once everything is
 * refunded), and each refund books the difference from what earlier ones took back, so the
 * reversals add up to the net exactly in any order of arrival. A refund may come before its sale
 * (different streams): it is remembered, and the sale, when it arrives, is booked and reversed at
 * once. Both sides take one advisory lock per transaction.
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
                insert into sale (transaction_id, film_id, revenue_kind, territory, currency, gross_amount, net_amount)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", payment.transactionId(),
                kind == RevenueKind.SVOD ? null : payment.filmId(), kind.name(), payment.territory(),
                payment.currency(), payment.amount(), net);
        ledger.book("payment:" + payment.transactionId(), kind == RevenueKind.SVOD ? null : payment.filmId(), kind,
                payment.territory(), payment.currency(), net, occurredAt);
        jdbc.query("select refunded_total, occurred_at from refund_seen where transaction_id = ?",
                rs -> {
                    reverse(payment.transactionId(), rs.getLong(1), rs.getTimestamp(2).toInstant());
                }, payment.transactionId());
    }

    /** {@code refundedTotal} null: the whole payment (an event that does not say). */
    @Transactional
    void refunded(UUID transactionId, Long refundedTotal, Instant occurredAt) {
        lock(transactionId);
        long total = refundedTotal == null ? Long.MAX_VALUE : refundedTotal;
        jdbc.update("""
                insert into refund_seen (transaction_id, refunded_total, occurred_at) values (?, ?, ?)
                on conflict (transaction_id) do update set refunded_total = greatest(refund_seen.refunded_total,
                    excluded.refunded_total), occurred_at = excluded.occurred_at""",
                transactionId, total, Timestamp.from(occurredAt));
        reverse(transactionId, total, occurredAt);
    }

    private void reverse(UUID transactionId, long refundedTotal, Instant occurredAt) {
        for (Map<String, Object> sale : jdbc.queryForList("select * from sale where transaction_id = ?",
                transactionId)) {
            long gross = ((Number) sale.get("gross_amount")).longValue();
            long net = ((Number) sale.get("net_amount")).longValue();
            long reversed = ((Number) sale.get("reversed")).longValue();
            long refunded = Math.min(refundedTotal, gross);
            long due = refunded == gross ? net
                    : java.math.BigInteger.valueOf(net).multiply(java.math.BigInteger.valueOf(refunded))
                            .divide(java.math.BigInteger.valueOf(gross)).longValueExact();
            if (due <= reversed) {
                continue; // an earlier refund of a larger total took this back already
            }
            ledger.book("refund:" + transactionId + ":" + refunded, (UUID) sale.get("film_id"),
                    RevenueKind.valueOf((String) sale.get("revenue_kind")), (String) sale.get("territory"),
                    (String) sale.get("currency"), reversed - due, occurredAt);
            jdbc.update("update sale set reversed = ? where transaction_id = ?", due, transactionId);
        }
    }

    private void lock(UUID transactionId) {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtextextended('sale:' || ?, 0))", Object.class,
                transactionId.toString());
    }
}
