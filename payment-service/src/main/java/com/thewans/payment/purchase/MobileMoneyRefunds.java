package com.thewans.payment.purchase;

import static com.thewans.common.db.SqlTimes.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.payment.mobilemoney.MobileMoneyPayments;
import com.thewans.payment.mobilemoney.MobileMoneyPayments.RequestStatus;

/**
 * Gives money back through the wallet that collected it. A refund is recorded PENDING, under the
 * payment's row lock and within what is left once the refunds already given or still on their way
 * are counted, before the wallet is asked; its reference is derived from its id, so an admin's retry
 * asks the wallet once. The wallet settles it later: the reconciliation polls it, and each refund
 * that SUCCEEDED adds to the payment's refunded total through {@link Settlement#refunded}, the one
 * place refunds change a payment, as Stripe's charge.refunded does for cards.
 */
@Service
class MobileMoneyRefunds {

    /** A refund as stored. */
    record Refund(UUID id, UUID transactionId, UUID reference, long amount, String status) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionLedger ledger;
    private final MobileMoneyPayments wallets;
    private final Settlement settlement;
    private final ProviderMessageLog messages;
    private final TransactionTemplate inTransaction;
    private final Clock clock;

    MobileMoneyRefunds(JdbcTemplate jdbc, TransactionLedger ledger, MobileMoneyPayments wallets, Settlement settlement,
            ProviderMessageLog messages, TransactionTemplate inTransaction, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.wallets = wallets;
        this.settlement = settlement;
        this.messages = messages;
        this.inTransaction = inTransaction;
        this.clock = clock;
    }

    /**
     * Records the refund (once per id) and asks the wallet.
     *
     * @throws RefundTooLarge when more is asked than is left after the refunds given or on their way
     * @throws com.thewans.payment.mobilemoney.WalletUnavailable when the wallet does not answer: the same request resumes it
     */
    Refund refund(Transaction payment, UUID refundId, Long asked, String reason, UUID admin) {
        Refund refund = inTransaction.execute(t -> {
            Transaction locked = ledger.lock(payment.id()).orElseThrow();
            Refund existing = find(refundId);
            if (existing != null) {
                return existing;
            }
            long committed = jdbc.queryForObject("""
                    select coalesce(sum(amount), 0) from mobile_money_refunds
                    where transaction_id = ? and status in ('PENDING', 'SUCCEEDED')""", Long.class, locked.id());
            long left = locked.amount() - committed;
            if (left <= 0 || !locked.status().captured()) {
                throw new NotRefundable(locked.id(), locked.status());
            }
            long amount = asked == null ? left : asked;
            if (amount > left) {
                throw new RefundTooLarge(locked.id(), amount, left);
            }
            jdbc.update("""
                    insert into mobile_money_refunds (id, transaction_id, reference, amount, status, reason,
                        requested_by, created_at)
                    values (?, ?, ?, ?, 'PENDING', ?, ?, ?)""", refundId, locked.id(),
                    MobileMoneyPayments.referenceFor(refundId), amount, reason, admin, ts(Instant.now(clock)));
            return find(refundId);
        });
        if (refund.status().equals("PENDING")) {
            MobileMoneyPayments.Asked answer = wallets.refund(payment.wallet(), new MobileMoneyPayments.Refund(
                    refund.reference(), UUID.fromString(payment.providerRef()), refund.amount(), payment.currency(),
                    refund.id().toString(), "THE WANS refund"));
            if (answer.refused()) {
                failed(refund, answer.refusalCode().toLowerCase(Locale.ROOT));
                return find(refundId);
            }
        }
        return refund;
    }

    /** Polls every PENDING refund once; returns how many the wallets settled. */
    int reconcilePending() {
        List<Refund> pending = jdbc.query("""
                select * from mobile_money_refunds where status = 'PENDING' order by id limit 200""", (rs, row) -> map(rs));
        int settled = 0;
        java.util.Set<String> away = new java.util.HashSet<>();
        for (Refund refund : pending) {
            Transaction payment = ledger.find(refund.transactionId()).orElseThrow();
            if (away.contains(payment.wallet())) {
                continue;
            }
            RequestStatus answer;
            try {
                answer = wallets.refundStatus(payment.wallet(), refund.reference());
            } catch (com.thewans.payment.mobilemoney.WalletUnavailable e) {
                away.add(payment.wallet()); // its refunds wait for the next poll
                continue;
            }
            String messageId = refund.reference() + ":" + answer.state();
            boolean kept = messages.keep(MobileMoneyReconciliation.PROVIDER, messageId, "refund.status",
                    answer.payload() == null ? "" : answer.payload());
            String outcome = switch (answer.state()) {
                case SUCCESSFUL -> succeeded(refund) ? "refunded" : "ignored: settled already";
                case FAILED -> failed(refund, answer.reason() == null ? "failed"
                        : answer.reason().toLowerCase(Locale.ROOT)) ? "failed" : "ignored: settled already";
                default -> "pending";
            };
            if (kept) {
                messages.processed(MobileMoneyReconciliation.PROVIDER, messageId, outcome);
            }
            if (answer.state() == RequestStatus.State.SUCCESSFUL || answer.state() == RequestStatus.State.FAILED) {
                settled++;
            }
        }
        return settled;
    }

    /** The money went back: the payment's refunded total is every refund of it that succeeded. */
    private boolean succeeded(Refund refund) {
        return Boolean.TRUE.equals(inTransaction.execute(t -> {
            if (jdbc.update("""
                    update mobile_money_refunds set status = 'SUCCEEDED', settled_at = ?
                    where id = ? and status = 'PENDING'""", ts(Instant.now(clock)), refund.id()) == 0) {
                return false;
            }
            long total = jdbc.queryForObject("""
                    select sum(amount) from mobile_money_refunds where transaction_id = ? and status = 'SUCCEEDED'""",
                    Long.class, refund.transactionId());
            Transaction payment = ledger.find(refund.transactionId()).orElseThrow();
            settlement.refunded(Transaction.Provider.MOBILE_MONEY, payment.providerRef(), payment.id(), total);
            return true;
        }));
    }

    private boolean failed(Refund refund, String code) {
        return jdbc.update("""
                update mobile_money_refunds set status = 'FAILED', failure_code = ?, settled_at = ?
                where id = ? and status = 'PENDING'""", code, ts(Instant.now(clock)), refund.id()) == 1;
    }

    private Refund find(UUID id) {
        return jdbc.query("select * from mobile_money_refunds where id = ?", (rs, row) -> map(rs), id).stream()
                .findFirst().orElse(null);
    }

    private static Refund map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Refund(rs.getObject("id", UUID.class), rs.getObject("transaction_id", UUID.class),
                rs.getObject("reference", UUID.class), rs.getLong("amount"), rs.getString("status"));
    }
}
