package com.thewans.payment.subscription;

import static com.thewans.common.db.SqlTimes.instant;
import static com.thewans.common.db.SqlTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Subscriptions in SQL, and the only place their state changes. A subscription that EXPIRED never
 * comes back (every update below says so in its WHERE clause), whatever a late message says.
 */
@Repository
class SubscriptionLedger {

    private final JdbcTemplate jdbc;

    SubscriptionLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new INCOMPLETE subscription; false when one with this id exists (a retried request). */
    boolean open(Subscription s) {
        return jdbc.update("""
                insert into subscriptions (id, user_id, plan_code, currency, amount, territory, provider, status,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'INCOMPLETE', ?, ?) on conflict (id) do nothing""", s.id(), s.userId(),
                s.planCode(), s.currency(), s.amount(), s.territory(), s.provider(), ts(s.createdAt()),
                ts(s.createdAt())) == 1;
    }

    void attach(UUID id, String providerRef, Instant now) {
        jdbc.update("update subscriptions set provider_ref = ?, updated_at = ? where id = ? and provider_ref is null",
                providerRef, ts(now), id);
    }

    /** The provider's view of a live subscription, taken as it is; false when it had already expired. */
    boolean follow(UUID id, Subscription.Status status, Instant trialEnd, Instant periodStart, Instant periodEnd,
            boolean cancelAtPeriodEnd, Instant now) {
        return jdbc.update("""
                update subscriptions set status = ?, trial_ends_at = coalesce(?, trial_ends_at),
                    current_period_start = coalesce(?, current_period_start),
                    current_period_end = coalesce(?, current_period_end), cancel_at_period_end = ?, updated_at = ?
                where id = ? and status <> 'EXPIRED'""", status.name(), ts(trialEnd), ts(periodStart), ts(periodEnd),
                cancelAtPeriodEnd, ts(now), id) == 1;
    }

    /** Forgets a subscription that never reached the provider (its first card was refused). */
    void discard(UUID id) {
        jdbc.update("delete from subscriptions where id = ? and status = 'INCOMPLETE' and provider_ref is null", id);
    }

    /** Ends a subscription for good, once. */
    boolean expire(UUID id, String reason, Instant now) {
        return jdbc.update("""
                update subscriptions set status = 'EXPIRED', ended_reason = ?, updated_at = ?
                where id = ? and status <> 'EXPIRED'""", reason, ts(now), id) == 1;
    }

    Optional<Subscription> find(UUID id) {
        return jdbc.query("select * from subscriptions where id = ?", SubscriptionLedger::map, id).stream().findFirst();
    }

    /** Locks the row for a change decided on what it says now. */
    Optional<Subscription> lock(UUID id) {
        return jdbc.query("select * from subscriptions where id = ? for update", SubscriptionLedger::map, id).stream()
                .findFirst();
    }

    Optional<Subscription> byProviderRef(String provider, String ref) {
        return jdbc.query("select * from subscriptions where provider = ? and provider_ref = ?", SubscriptionLedger::map,
                provider, ref).stream().findFirst();
    }

    Optional<Subscription> live(UUID userId) {
        return jdbc.query("select * from subscriptions where user_id = ? and status <> 'EXPIRED'",
                SubscriptionLedger::map, userId).stream().findFirst();
    }

    List<Subscription> ofUser(UUID userId) {
        return jdbc.query("select * from subscriptions where user_id = ? order by created_at desc, id",
                SubscriptionLedger::map, userId);
    }

    Optional<String> customerOf(UUID userId) {
        return jdbc.queryForList("select customer_id from stripe_customers where user_id = ?", String.class, userId)
                .stream().findFirst();
    }

    void rememberCustomer(UUID userId, String customerId, Instant now) {
        jdbc.update("insert into stripe_customers (user_id, customer_id, created_at) values (?, ?, ?) on conflict do nothing",
                userId, customerId, ts(now));
    }

    private static Subscription map(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getString("plan_code"), rs.getString("currency"), rs.getLong("amount"), rs.getString("territory"),
                rs.getString("provider"), rs.getString("provider_ref"),
                Subscription.Status.valueOf(rs.getString("status")), instant(rs, "trial_ends_at"),
                instant(rs, "current_period_start"), instant(rs, "current_period_end"),
                rs.getBoolean("cancel_at_period_end"), rs.getString("ended_reason"), instant(rs, "created_at"));
    }
}
