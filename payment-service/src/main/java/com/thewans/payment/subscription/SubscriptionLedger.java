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
                insert into subscriptions (id, user_id, plan_code, currency, amount, territory, provider, wallet,
                    payer_phone, status, coupon_code, coupon_amount_off, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'INCOMPLETE', ?, ?, ?, ?) on conflict (id) do nothing""", s.id(),
                s.userId(), s.planCode(), s.currency(), s.amount(), s.territory(), s.provider(), s.wallet(),
                s.payerPhone(), s.couponCode(), s.couponAmountOff(), ts(s.createdAt()), ts(s.createdAt())) == 1;
    }

    // The platform's own renewals (mobile money): each transition one guarded UPDATE.

    /** INCOMPLETE to TRIALING: the trial is the first period, paid with nothing; its renewal falls due before it ends. */
    boolean startTrial(UUID id, Instant trialEnd, Instant renewalDueAt, Instant now) {
        return jdbc.update("""
                update subscriptions set status = 'TRIALING', trial_ends_at = ?, current_period_start = ?,
                    current_period_end = ?, renewal_due_at = ?, updated_at = ?
                where id = ? and status = 'INCOMPLETE'""", ts(trialEnd), ts(now), ts(trialEnd), ts(renewalDueAt),
                ts(now), id) == 1;
    }

    /** The request to pay now waiting for the payer (the first period's, or a renewal's); none is due meanwhile. */
    boolean renewalSent(UUID id, UUID paymentId, Instant now) {
        return jdbc.update("""
                update subscriptions set renewal_payment_id = ?, renewal_due_at = null, updated_at = ?
                where id = ? and status <> 'EXPIRED' and renewal_payment_id is null""", paymentId, ts(now), id) == 1;
    }

    /**
     * A period was paid: ACTIVE until {@code periodEnd}, on the plan paid for (a move to a cheaper
     * plan takes effect here), the next renewal due before it ends, the failed attempts forgotten.
     */
    boolean periodPaid(UUID id, String planCode, long amount, Instant periodStart, Instant periodEnd,
            Instant renewalDueAt, Instant now) {
        return jdbc.update("""
                update subscriptions set status = 'ACTIVE', plan_code = ?, amount = ?, next_plan_code = null,
                    current_period_start = ?, current_period_end = ?, renewal_due_at = ?, renewal_payment_id = null,
                    renewal_attempts = 0, coupon_amount_off = null, updated_at = ?
                where id = ? and status <> 'EXPIRED'""", planCode, amount, ts(periodStart), ts(periodEnd),
                ts(renewalDueAt), ts(now), id) == 1;
    }

    /** The waiting renewal failed: PAST_DUE, one more attempt counted, asked again at {@code dueAgainAt} (or never). */
    boolean renewalFailed(UUID id, UUID paymentId, Instant dueAgainAt, Instant now) {
        return jdbc.update("""
                update subscriptions set status = 'PAST_DUE', renewal_attempts = renewal_attempts + 1,
                    renewal_payment_id = null, renewal_due_at = ?, updated_at = ?
                where id = ? and renewal_payment_id = ? and status in ('TRIALING', 'ACTIVE', 'PAST_DUE')""",
                ts(dueAgainAt), ts(now), id, paymentId) == 1;
    }

    /** Mobile-money subscriptions whose renewal is due now, locked for this sweep (another instance skips them). */
    List<Subscription> renewalsDue(Instant now, int limit) {
        return jdbc.query("""
                select * from subscriptions where provider = 'MOBILE_MONEY' and renewal_due_at <= ?
                    and renewal_payment_id is null and status in ('TRIALING', 'ACTIVE', 'PAST_DUE')
                    and not cancel_at_period_end
                order by renewal_due_at limit ? for update skip locked""", SubscriptionLedger::map, ts(now), limit);
    }

    /** Past-due mobile-money subscriptions whose grace ended before {@code cutoff} with no request waiting. */
    List<Subscription> graceOver(Instant periodEndedBefore, int limit) {
        return jdbc.query("""
                select * from subscriptions where provider = 'MOBILE_MONEY' and status = 'PAST_DUE'
                    and current_period_end <= ? and renewal_payment_id is null
                order by current_period_end limit ? for update skip locked""", SubscriptionLedger::map,
                ts(periodEndedBefore), limit);
    }

    /** Mobile-money subscriptions cancelled at the end of a period that has now ended. */
    List<Subscription> cancelledAndRunOut(Instant now, int limit) {
        return jdbc.query("""
                select * from subscriptions where provider = 'MOBILE_MONEY' and cancel_at_period_end
                    and status in ('TRIALING', 'ACTIVE', 'PAST_DUE') and current_period_end <= ?
                order by current_period_end limit ? for update skip locked""", SubscriptionLedger::map, ts(now), limit);
    }

    /**
     * Live subscriptions whose period will not renew by itself (cancelled at its end, or past due)
     * and ends before {@code horizon}, not yet warned of that end.
     */
    List<Subscription> endingUnwarned(Instant now, Instant horizon, int limit) {
        return jdbc.query("""
                select * from subscriptions where status in ('TRIALING', 'ACTIVE', 'PAST_DUE')
                    and (cancel_at_period_end or status = 'PAST_DUE')
                    and current_period_end > ? and current_period_end <= ?
                    and expiry_warned_for is distinct from current_period_end
                order by current_period_end limit ? for update skip locked""", SubscriptionLedger::map, ts(now),
                ts(horizon), limit);
    }

    /** The coupon's amount was taken off a paid period: later periods pay the whole price. */
    void couponUsed(UUID id) {
        jdbc.update("update subscriptions set coupon_amount_off = null where id = ? and coupon_amount_off is not null", id);
    }

    /** The viewer has been warned that this period ends. */
    void warned(UUID id, Instant periodEnd) {
        jdbc.update("update subscriptions set expiry_warned_for = ? where id = ?", ts(periodEnd), id);
    }

    /**
     * The subscription is on another plan from now: what it costs each period, and, when the plan is
     * billed by another interval, the period that starts with it. A waiting downgrade or upgrade is done with.
     */
    boolean planChanged(UUID id, String planCode, long amount, Instant periodStart, Instant periodEnd,
            Instant renewalDueAt, Instant now) {
        return jdbc.update("""
                update subscriptions set plan_code = ?, amount = ?, next_plan_code = null, upgrade_plan_code = null,
                    upgrade_payment_id = null, current_period_start = coalesce(?, current_period_start),
                    current_period_end = coalesce(?, current_period_end),
                    renewal_due_at = case when provider = 'MOBILE_MONEY' and renewal_payment_id is null
                        then coalesce(?, renewal_due_at) else renewal_due_at end, updated_at = ?
                where id = ? and status <> 'EXPIRED'""", planCode, amount, ts(periodStart), ts(periodEnd),
                ts(renewalDueAt), ts(now), id) == 1;
    }

    /** The renewal moves to this cheaper plan (null: stays on the plan it has). */
    boolean nextPlan(UUID id, String planCode, Instant now) {
        return jdbc.update("""
                update subscriptions set next_plan_code = ?, updated_at = ? where id = ? and status <> 'EXPIRED'""",
                planCode, ts(now), id) == 1;
    }

    /** A request to pay the difference to a dearer plan now waits for the payer (one at a time). */
    boolean upgradeAsked(UUID id, String planCode, UUID paymentId, Instant now) {
        return jdbc.update("""
                update subscriptions set upgrade_plan_code = ?, upgrade_payment_id = ?, updated_at = ?
                where id = ? and status in ('TRIALING', 'ACTIVE') and upgrade_payment_id is null""", planCode,
                paymentId, ts(now), id) == 1;
    }

    /** The payer did not pay for the upgrade: the plan stays as it was. */
    boolean upgradeAbandoned(UUID id, UUID paymentId, Instant now) {
        return jdbc.update("""
                update subscriptions set upgrade_plan_code = null, upgrade_payment_id = null, updated_at = ?
                where id = ? and upgrade_payment_id = ?""", ts(now), id, paymentId) == 1;
    }

    /** A subscription the platform renews stops (or goes on) renewing at its period's end. */
    boolean cancelAtPeriodEnd(UUID id, boolean cancel, Instant now) {
        return jdbc.update("""
                update subscriptions set cancel_at_period_end = ?, updated_at = ?
                where id = ? and status <> 'EXPIRED'""", cancel, ts(now), id) == 1;
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
                update subscriptions set status = 'EXPIRED', ended_reason = ?, renewal_due_at = null, updated_at = ?
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
                rs.getBoolean("cancel_at_period_end"), rs.getString("ended_reason"), instant(rs, "created_at"),
                rs.getString("wallet"), rs.getString("payer_phone"), new Subscription.Renewal(
                        rs.getObject("renewal_payment_id", UUID.class),
                        rs.getInt("renewal_attempts")), rs.getString("next_plan_code"),
                rs.getString("upgrade_plan_code") == null ? null : new Subscription.Upgrade(
                        rs.getString("upgrade_plan_code"), rs.getObject("upgrade_payment_id", UUID.class)),
                rs.getString("coupon_code"), rs.getObject("coupon_amount_off", Long.class));
    }
}
