package com.thewans.payment.purchase;

import static com.thewans.common.db.SqlTimes.instant;
import static com.thewans.common.db.SqlTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Payments in SQL, and the only place their status changes: each transition is one conditional
 * UPDATE named for it, whose WHERE clause is the rule (a status only moves up in rank), so two
 * messages racing for one payment change it once and a late one changes nothing.
 */
@Repository
class TransactionLedger {

    private static final RowMapper<Transaction> ROW = TransactionLedger::map;

    private final JdbcTemplate jdbc;

    TransactionLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a new PENDING payment (with its provider reference when that is ours to choose, as a
     * request to pay's is); false when one with this id exists (a retried request).
     */
    boolean open(Transaction t) {
        return jdbc.update("""
                insert into transactions (id, user_id, kind, film_id, window_id, subscription_id, territory, currency,
                    list_amount, discount_amount, amount, gst_amount, provider, wallet, provider_ref, status, expires_at,
                    created_at, updated_at, coupon_code)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, ?)
                on conflict (id) do nothing""", t.id(), t.userId(), t.kind().name(), t.filmId(), t.windowId(),
                t.subscriptionId(), t.territory(), t.currency(), t.listAmount(), t.discountAmount(), t.amount(),
                t.gstAmount(), t.provider().name(), t.wallet(), t.providerRef(), ts(t.expiresAt()), ts(t.createdAt()),
                ts(t.createdAt()), t.couponCode()) == 1;
    }

    /** The provider's id for the attempt, set once. */
    void attach(UUID id, String providerRef, String clientSecret, Instant now) {
        jdbc.update("""
                update transactions set provider_ref = ?, client_secret = ?, updated_at = ?
                where id = ? and provider_ref is null""", providerRef, clientSecret, ts(now), id);
    }

    /** PENDING, FAILED or EXPIRED to SUCCEEDED: the money moved. False when it had already. */
    boolean succeed(UUID id, Instant now) {
        return jdbc.update("""
                update transactions set status = 'SUCCEEDED', succeeded_at = ?, failure_code = null,
                    failure_message = null, updated_at = ?
                where id = ? and status in ('PENDING', 'FAILED', 'EXPIRED')""", ts(now), ts(now), id) == 1;
    }

    /** PENDING to FAILED: the payer's attempt was declined or could not be made. */
    boolean fail(UUID id, String code, String message, Instant now) {
        return jdbc.update("""
                update transactions set status = 'FAILED', failure_code = ?, failure_message = ?, updated_at = ?
                where id = ? and status = 'PENDING'""", code, truncate(message), ts(now), id) == 1;
    }

    /** PENDING to EXPIRED: the payer never finished in time. */
    boolean expire(UUID id, Instant now) {
        return jdbc.update("""
                update transactions set status = 'EXPIRED', failure_code = 'expired', updated_at = ?
                where id = ? and status = 'PENDING' and expires_at <= ?""", ts(now), id, ts(now)) == 1;
    }

    /**
     * A captured payment's refunds now add up to {@code refundedTotal} (the provider's running
     * total, so a message repeated or overtaken by a later one changes nothing): PARTIALLY_REFUNDED,
     * or REFUNDED once it reaches the amount. False when the total was not news.
     */
    boolean refund(UUID id, long refundedTotal, Instant now) {
        return jdbc.update("""
                update transactions set refunded_amount = ?,
                    status = case when ? >= amount then 'REFUNDED' else 'PARTIALLY_REFUNDED' end, updated_at = ?
                where id = ? and status in ('SUCCEEDED', 'PARTIALLY_REFUNDED') and refunded_amount < ?
                    and ? <= amount""", refundedTotal, refundedTotal, ts(now), id, refundedTotal, refundedTotal) == 1;
    }

    Optional<Transaction> find(UUID id) {
        return jdbc.query("select * from transactions where id = ?", ROW, id).stream().findFirst();
    }

    Optional<Transaction> byProviderRef(Transaction.Provider provider, String ref) {
        return jdbc.query("select * from transactions where provider = ? and provider_ref = ?", ROW, provider.name(),
                ref).stream().findFirst();
    }

    /** An unfinished purchase of the same thing by the same viewer, if there is one. */
    Optional<Transaction> pendingPurchase(UUID userId, UUID filmId, Transaction.Kind kind) {
        return jdbc.query("""
                select * from transactions where user_id = ? and film_id = ? and kind = ? and status = 'PENDING'""",
                ROW, userId, filmId, kind.name()).stream().findFirst();
    }

    /** Whether the viewer holds a captured, unrefunded payment of this kind for the film. */
    boolean holds(UUID userId, UUID filmId, Transaction.Kind kind) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from transactions where user_id = ? and film_id = ? and kind = ?
                    and status in ('SUCCEEDED', 'PARTIALLY_REFUNDED'))""", Boolean.class, userId, filmId, kind.name()));
    }

    List<Transaction> ofUser(UUID userId, int page, int size) {
        return jdbc.query("select * from transactions where user_id = ? order by created_at desc, id limit ? offset ?",
                ROW, userId, size, (long) page * size);
    }

    long countOfUser(UUID userId) {
        return jdbc.queryForObject("select count(*) from transactions where user_id = ?", Long.class, userId);
    }

    List<Transaction> all(Transaction.Status status, int page, int size) {
        return jdbc.query("""
                select * from transactions where (?::text is null or status = ?)
                order by created_at desc, id limit ? offset ?""", ROW, status == null ? null : status.name(),
                status == null ? null : status.name(), size, (long) page * size);
    }

    long count(Transaction.Status status) {
        return jdbc.queryForObject("select count(*) from transactions where (?::text is null or status = ?)",
                Long.class, status == null ? null : status.name(), status == null ? null : status.name());
    }

    /** PENDING payments through this provider past their time, locked for this sweep (others skip them). */
    List<Transaction> overdue(Transaction.Provider provider, Instant now, int limit) {
        return jdbc.query("""
                select * from transactions where status = 'PENDING' and provider = ? and expires_at <= ?
                order by expires_at limit ? for update skip locked""", ROW, provider.name(), ts(now), limit);
    }

    /**
     * PENDING mobile-money payments after {@code after} in id order, locked for this poll (another
     * instance polling at the same time skips them): a pass walks them all once, however many stay pending.
     */
    List<Transaction> pendingMobileMoney(UUID after, int limit) {
        return jdbc.query("""
                select * from transactions where status = 'PENDING' and provider = 'MOBILE_MONEY' and id > ?
                order by id limit ? for update skip locked""", ROW, after, limit);
    }

    /** One payment, locked until the caller's transaction ends (a poll of it that must not run twice at once). */
    Optional<Transaction> lock(UUID id) {
        return jdbc.query("select * from transactions where id = ? for update", ROW, id).stream().findFirst();
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 500 ? message : message.substring(0, 500);
    }

    private static Transaction map(ResultSet rs, int row) throws SQLException {
        return new Transaction(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                Transaction.Kind.valueOf(rs.getString("kind")), rs.getObject("film_id", UUID.class),
                rs.getObject("window_id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getString("territory"), rs.getString("currency"), rs.getLong("list_amount"),
                rs.getLong("discount_amount"), rs.getLong("amount"), rs.getLong("gst_amount"),
                Transaction.Provider.valueOf(rs.getString("provider")), rs.getString("wallet"),
                rs.getString("provider_ref"),
                rs.getString("client_secret"), Transaction.Status.valueOf(rs.getString("status")),
                rs.getLong("refunded_amount"), rs.getString("failure_code"), rs.getString("failure_message"),
                instant(rs, "expires_at"), instant(rs, "succeeded_at"), instant(rs, "created_at"),
                rs.getString("coupon_code"));
    }
}
