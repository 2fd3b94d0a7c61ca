package com.thewans.payment.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.audit.AuditLog;
import com.thewans.common.security.CurrentUser;
import com.thewans.payment.card.CardSubscriptions;
import com.thewans.payment.plan.Plan;
import com.thewans.payment.plan.Plans;

/**
 * A subscriber moves to another plan. The rule: a dearer plan (by its price per day) applies now and
 * the difference is paid now, prorated (the unused part of the period paid for is credited; a plan
 * billed by another interval starts its own period); a cheaper one applies from the next renewal, so
 * the period paid for keeps what was paid for. During a trial nothing has been paid, so any move
 * applies at once. By card, Stripe computes and charges the difference (always_invoice) or switches
 * the price from the renewal (proration none); by mobile money, the payer approves the difference
 * on their phone, and the plan changes when they do.
 */
@Service
class PlanChanges {

    private final Subscriptions subscriptions;
    private final SubscriptionLedger ledger;
    private final SubscriptionBilling billing;
    private final SubscriptionEvents events;
    private final MobileMoneySubscriptions mobileMoney;
    private final CardSubscriptions cards;
    private final Plans plans;
    private final TransactionTemplate inTransaction;
    private final AuditLog audit;
    private final Clock clock;

    PlanChanges(Subscriptions subscriptions, SubscriptionLedger ledger, SubscriptionBilling billing,
            SubscriptionEvents events, MobileMoneySubscriptions mobileMoney, CardSubscriptions cards, Plans plans,
            TransactionTemplate inTransaction, AuditLog audit, Clock clock) {
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.billing = billing;
        this.events = events;
        this.mobileMoney = mobileMoney;
        this.cards = cards;
        this.plans = plans;
        this.inTransaction = inTransaction;
        this.audit = audit;
        this.clock = clock;
    }

    SubscriptionView change(CurrentUser caller, UUID id, String planCode, String idempotencyKey) {
        Subscription s = subscriptions.readable(caller, id);
        if (s.status() != Subscription.Status.TRIALING && s.status() != Subscription.Status.ACTIVE) {
            throw new PlanChangeNotOffered(id, s.status() == Subscription.Status.PAST_DUE
                    ? "the renewal must be paid first" : "the subscription is " + s.status());
        }
        Plan current = plans.get(s.planCode());
        Plan target = plans.get(planCode);
        // Stripe replays an answer to a key it has seen: each request's own key, so a retry changes once
        String stripeKey = "wans-plan-change-" + id + "-" + idempotencyKey;
        if (target.code().equals(current.code())) {
            if (s.nextPlanCode() != null) {
                keepCurrentPlan(s, current, stripeKey);
            }
            return SubscriptionView.of(ledger.find(id).orElseThrow());
        }
        if (target.retired()) {
            throw new PlanRetired(target.code());
        }
        long price = target.priceIn(s.currency());
        boolean upgrade = perDay(price, target) > perDay(s.amount(), current);
        Instant now = Instant.now(clock);
        if (s.status() == Subscription.Status.TRIALING) {
            // nothing paid yet: the trial goes on with the new plan, whose price the renewal charges
            if (!s.byMobileMoney()) {
                billing.follow(cards.changePrice(s.providerRef(), stripePrice(target, s.currency(), price), false,
                        stripeKey), id);
            }
            switchNow(s, target, price, upgrade);
        } else if (upgrade) {
            if (s.byMobileMoney()) {
                long difference = difference(s, current, price, target, now);
                if (difference > 0) {
                    mobileMoney.askForUpgrade(s, target, difference);
                } else {
                    switchNow(s, target, price, true);
                }
            } else {
                // Stripe invoices the difference and charges the card now; a declined card changes nothing
                billing.follow(cards.changePrice(s.providerRef(), stripePrice(target, s.currency(), price), true,
                        stripeKey), id);
                switchNow(s, target, price, true);
            }
        } else {
            if (!s.byMobileMoney() && target.interval() != current.interval()) {
                // Stripe would start the new interval's period now and bill it at once
                throw new PlanChangeNotOffered(id, "a card subscription cannot move to a cheaper plan billed by"
                        + " another interval; cancel at the period's end and subscribe to " + target.code() + " then");
            }
            if (!s.byMobileMoney()) {
                billing.follow(cards.changePrice(s.providerRef(), stripePrice(target, s.currency(), price), false,
                        stripeKey), id);
            }
            inTransaction.executeWithoutResult(t -> ledger.nextPlan(id, target.code(), Instant.now(clock)));
        }
        audit.record("subscription.plan-change-requested", "subscription:" + id, Map.of("userId",
                s.userId().toString(), "from", current.code(), "to", target.code(), "upgrade", upgrade,
                "byOwner", caller.userId().equals(s.userId())));
        return SubscriptionView.of(ledger.find(id).orElseThrow());
    }

    /** Choosing the plan one is on takes back a move to a cheaper one that waits for the renewal. */
    private void keepCurrentPlan(Subscription s, Plan current, String stripeKey) {
        if (!s.byMobileMoney()) {
            billing.follow(cards.changePrice(s.providerRef(), stripePrice(current, s.currency(), s.amount()), false,
                    stripeKey), s.id());
        }
        inTransaction.executeWithoutResult(t -> ledger.nextPlan(s.id(), null, Instant.now(clock)));
    }

    private void switchNow(Subscription s, Plan target, long price, boolean upgrade) {
        inTransaction.executeWithoutResult(t -> {
            if (ledger.planChanged(s.id(), target.code(), price, null, null, null, Instant.now(clock))) {
                events.planChanged(ledger.find(s.id()).orElseThrow(), upgrade ? "upgrade" : "downgrade");
            }
        });
    }

    /**
     * What moving to a dearer plan costs now, as Stripe prorates it: within one interval, the
     * difference for the part of the period left; to another interval, the new plan's whole price
     * less what is left of the old period.
     */
    static long difference(Subscription s, Plan current, long price, Plan target, Instant now) {
        double left = s.currentPeriodEnd() == null || s.currentPeriodStart() == null ? 0
                : Math.max(0, Duration.between(now, s.currentPeriodEnd()).toSeconds())
                        / (double) Math.max(1, Duration.between(s.currentPeriodStart(), s.currentPeriodEnd()).toSeconds());
        if (target.interval() == current.interval()) {
            return Math.round((price - s.amount()) * left);
        }
        return price - Math.round(s.amount() * left);
    }

    /** A plan's price per day, to tell a dearer plan from a cheaper one whatever their intervals. */
    private static double perDay(long price, Plan plan) {
        return price / (plan.interval() == Plan.BillingInterval.YEAR ? 365.0 : 30.0);
    }

    private String stripePrice(Plan plan, String currency, long amount) {
        return cards.price(plan.code(), plan.name(), currency, amount, plan.interval().name());
    }
}
