package com.thewans.payment.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.thewans.payment.PaymentSettings;
import com.thewans.payment.coupon.Coupons;
import com.thewans.payment.plan.Plan;
import com.thewans.payment.plan.Plans;
import com.thewans.payment.purchase.SubscriptionPeriods;
import com.thewans.payment.purchase.Transaction;

/**
 * What the platform's own charges of a mobile-money subscription do to it, decided under the
 * subscription's row lock inside the settlement's transaction. A paid charge buys one whole
 * period: from the end of the one paid before, or from now when that has already ended (a payer
 * who pays late gets the whole period they paid for). A failed one makes the subscription PAST_DUE
 * and schedules the next attempt; the first period's failing means it never starts.
 */
@Component
class MobileMoneyPeriods implements SubscriptionPeriods {

    private static final Logger log = LoggerFactory.getLogger(MobileMoneyPeriods.class);

    private final SubscriptionLedger ledger;
    private final SubscriptionEvents events;
    private final Plans plans;
    private final Coupons coupons;
    private final PaymentSettings.Subscriptions settings;
    private final Clock clock;

    MobileMoneyPeriods(SubscriptionLedger ledger, SubscriptionEvents events, Plans plans, Coupons coupons,
            PaymentSettings settings, Clock clock) {
        this.coupons = coupons;
        this.ledger = ledger;
        this.events = events;
        this.plans = plans;
        this.settings = settings.subscriptions();
        this.clock = clock;
    }

    @Override
    public Instant paid(Transaction charge) {
        Subscription s = ledger.lock(charge.subscriptionId()).orElseThrow();
        Instant now = Instant.now(clock);
        if (s.upgrade() != null && charge.id().equals(s.upgrade().paymentId())) {
            return upgraded(s, plans.get(s.upgrade().planCode()), now);
        }
        Plan plan = plans.get(s.nextPlanCode() != null ? s.nextPlanCode() : s.planCode());
        // periods run from whole seconds: what payment.succeeded says is what is stored
        Instant start = s.currentPeriodEnd() == null || s.currentPeriodEnd().isBefore(now)
                ? now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) : s.currentPeriodEnd();
        Instant end = after(plan.interval(), start);
        if (s.status() == Subscription.Status.EXPIRED) {
            // approved after the subscription ended: the money moved, so the period it paid for is
            // granted, but an ended subscription does not come back and nothing renews it
            log.warn("subscription {} was paid by {} after it ended; its period is granted until {}", s.id(),
                    charge.id(), end);
            return end;
        }
        // the plan's price from now on, whatever a coupon took off this period
        ledger.periodPaid(s.id(), plan.code(), plan.prices().getOrDefault(s.currency(), s.amount()), start, end,
                end.minus(settings.renewBefore()), now);
        Subscription after = ledger.find(s.id()).orElseThrow();
        if (s.status() == Subscription.Status.INCOMPLETE) {
            coupons.redeemedBySubscription(s.id());
            events.started(after);
        } else {
            events.renewed(after);
        }
        return end;
    }

    /**
     * The payer paid the difference to a dearer plan: it applies from now. A plan billed by another
     * interval starts its own period now (the difference credited what was left of the old one).
     */
    private Instant upgraded(Subscription s, Plan plan, Instant now) {
        Plan was = plans.get(s.planCode());
        Instant start = null;
        Instant end = null;
        if (was.interval() != plan.interval()) {
            start = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
            end = after(plan.interval(), start);
        }
        ledger.planChanged(s.id(), plan.code(), plan.prices().getOrDefault(s.currency(), s.amount()), start, end,
                end == null ? null : end.minus(settings.renewBefore()), now);
        Subscription after = ledger.find(s.id()).orElseThrow();
        events.planChanged(after, "upgrade");
        return after.currentPeriodEnd();
    }

    @Override
    public void unpaid(Transaction charge) {
        Subscription s = ledger.lock(charge.subscriptionId()).orElseThrow();
        if (s.upgrade() != null && charge.id().equals(s.upgrade().paymentId())) {
            ledger.upgradeAbandoned(s.id(), charge.id(), Instant.now(clock)); // the plan stays as it was
            return;
        }
        if (!charge.id().equals(s.renewal().paymentId())) {
            return; // an attempt already given up on: the one waiting now decides
        }
        Instant now = Instant.now(clock);
        if (s.status() == Subscription.Status.INCOMPLETE) {
            // the first period was never paid: the subscription never began (payment.failed says why)
            ledger.expire(s.id(), "first-payment-failed", now);
            coupons.releasedBySubscription(s.id());
            return;
        }
        int attempts = s.renewal().attempts() + 1;
        java.time.Duration retry = settings.retryAfterAttempt(attempts);
        ledger.renewalFailed(s.id(), charge.id(), retry == null ? null : now.plus(retry), now);
        if (s.status() != Subscription.Status.PAST_DUE) {
            events.pastDue(ledger.find(s.id()).orElseThrow());
        }
    }

    /** The end of a period of this length that starts at {@code start} (calendar months and years, in UTC). */
    static Instant after(Plan.BillingInterval interval, Instant start) {
        var at = start.atOffset(ZoneOffset.UTC);
        return (interval == Plan.BillingInterval.YEAR ? at.plusYears(1) : at.plusMonths(1)).toInstant();
    }
}
