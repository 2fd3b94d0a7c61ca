package com.thewans.rights.entitlement;

import static com.thewans.common.db.SqlTimes.ts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The transitions of entitlements that must hold however many deliveries or reports race: the
 * grant of a payment, a rental's first play and a refund's revocation, each one guarded
 * statement. (An admin's grant and revocation go through {@link Entitlement#byAdmin} and
 * {@link Entitlement#revoke}.) Every method must run inside the caller's transaction.
 */
@Component
class EntitlementLedger {

    /** What a payment entitles to, worked out from its kind and window. */
    record PaymentGrant(UUID entitlementId, UUID userId, EntitlementKind kind, UUID filmId, UUID windowId,
            UUID transactionId, UUID subscriptionId, Instant validFrom, Instant validUntil, Instant startBy,
            Integer watchHours, Instant paidAt) {
    }

    private final JdbcTemplate jdbc;

    EntitlementLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Grant and refund of one payment take turns, so neither misses the other's uncommitted row. */
    void lockPayment(UUID transactionId) {
        jdbc.query("select pg_advisory_xact_lock(?)", (RowCallbackHandler) rs -> { },
                transactionId.getMostSignificantBits() ^ transactionId.getLeastSignificantBits());
    }

    boolean wasRefunded(UUID transactionId) {
        return !jdbc.queryForList("select 1 from refunded_payments where transaction_id = ?", Integer.class,
                transactionId).isEmpty();
    }

    /**
     * One entitlement per transaction: ON CONFLICT (transaction_id) DO NOTHING, so a payment
     * announced twice (two event ids, or one event delivered concurrently) grants once. A payment
     * refunded before its grant arrived is recorded as revoked. Returns whether this call inserted.
     */
    boolean grantForPayment(PaymentGrant grant, boolean refunded) {
        List<UUID> inserted = jdbc.queryForList("""
                insert into entitlements (id, user_id, kind, source, status, film_id, window_id, transaction_id,
                    subscription_id, valid_from, valid_until, start_by, watch_hours, granted_at, granted_by,
                    revoked_at, revoke_reason)
                values (?, ?, ?, 'PAYMENT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'payment-service', ?, ?)
                on conflict (transaction_id) do nothing
                returning id""", UUID.class,
                grant.entitlementId(), grant.userId(), grant.kind().name(), refunded ? "REVOKED" : "ACTIVE",
                grant.filmId(), grant.windowId(), grant.transactionId(), grant.subscriptionId(),
                ts(grant.validFrom()), ts(grant.validUntil()), ts(grant.startBy()), grant.watchHours(),
                ts(grant.paidAt()), refunded ? ts(grant.paidAt()) : null, refunded ? "REFUNDED" : null);
        return !inserted.isEmpty();
    }

    /**
     * A rental's first play: from now the viewer has its watch hours. Only the first report of an
     * active rental still inside its start-by time counts (a conditional update); returns whether
     * this one did.
     */
    boolean startWatching(UUID entitlementId, Instant now) {
        return jdbc.update("""
                update entitlements set started_at = ?, valid_until = ?::timestamptz + watch_hours * interval '1 hour'
                where id = ? and kind = 'RENTAL' and status = 'ACTIVE' and started_at is null and start_by > ?""",
                ts(now), ts(now), entitlementId, ts(now)) == 1;
    }

    /**
     * Remembers the refund (so a grant handled after it grants nothing) and revokes what the
     * payment granted that is still active; returns what this call revoked.
     */
    List<EntitlementEvents.EntitlementRevoked> revokeForRefund(UUID transactionId, Instant refundedAt) {
        jdbc.update("insert into refunded_payments (transaction_id, refunded_at) values (?, ?) on conflict do nothing",
                transactionId, ts(refundedAt));
        return jdbc.query("""
                update entitlements set status = 'REVOKED', revoked_at = ?, revoke_reason = 'REFUNDED'
                where transaction_id = ? and status = 'ACTIVE'
                returning id, user_id, kind, film_id, transaction_id""",
                (rs, i) -> new EntitlementEvents.EntitlementRevoked(rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class), EntitlementKind.valueOf(rs.getString("kind")),
                        rs.getObject("film_id", UUID.class), rs.getObject("transaction_id", UUID.class), "REFUNDED"),
                ts(refundedAt), transactionId);
    }
}
