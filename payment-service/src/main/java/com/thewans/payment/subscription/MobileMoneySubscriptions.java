package com.thewans.payment.subscription;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.payment.PaymentSettings;
import com.thewans.payment.coupon.Coupons;
import com.thewans.payment.mobilemoney.Msisdn;
import com.thewans.payment.mobilemoney.WalletUnavailable;
import com.thewans.payment.plan.Plan;
import com.thewans.payment.plan.Plans;
import com.thewans.payment.purchase.Settlement;
import com.thewans.payment.purchase.Transaction;
import com.thewans.payment.purchase.WalletCharges;

/**
 * Subscriptions paid by mobile money, which no wallet renews on its own: the platform starts them
 * (a trial, or a request to pay for the first period) and sends each renewal's request to pay
 * before the period ends. Each charge's id is derived from the subscription, the period it pays
 * and the attempt, so a retried request or a second sweep asks the payer once. What the payer does
 * comes back through the reconciliation to {@link MobileMoneyPeriods}.
 */
@Service
class MobileMoneySubscriptions {

    private static final Logger log = LoggerFactory.getLogger(MobileMoneySubscriptions.class);
    private static final int BATCH = 50;

    private final SubscriptionLedger ledger;
    private final SubscriptionEvents events;
    private final Plans plans;
    private final Coupons coupons;
    private final WalletCharges charges;
    private final Settlement settlement;
    private final TransactionTemplate inTransaction;
    private final PaymentSettings.Subscriptions settings;
    private final Clock clock;

    MobileMoneySubscriptions(SubscriptionLedger ledger, SubscriptionEvents events, Plans plans, Coupons coupons,
            WalletCharges charges,
            Settlement settlement, TransactionTemplate inTransaction, PaymentSettings settings, Clock clock) {
        this.ledger = ledger;
        this.events = events;
        this.plans = plans;
        this.coupons = coupons;
        this.charges = charges;
        this.settlement = settlement;
        this.inTransaction = inTransaction;
        this.settings = settings.subscriptions();
        this.clock = clock;
    }

    void requireWallet(String wallet) {
        charges.requireWallet(wallet);
    }

    /**
     * Starts a recorded INCOMPLETE subscription: a plan with a trial grants it at once (a payment of
     * nothing, as for cards); one without asks the payer for the first period, which starts when they
     * approve. Asking again (a retried request) asks nobody twice.
     *
     * @throws WalletUnavailable when the wallet does not answer: the same request resumes it
     */
    void start(Subscription s) {
        Plan plan = plans.get(s.planCode());
        if (plan.trialDays() > 0) {
            inTransaction.executeWithoutResult(t -> {
                // periods run from whole seconds: what payment.succeeded says is what is stored
                Instant now = Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                Instant trialEnd = now.plus(Duration.ofDays(plan.trialDays()));
                if (ledger.lock(s.id()).filter(locked -> locked.status() == Subscription.Status.INCOMPLETE).isPresent()
                        && ledger.startTrial(s.id(), trialEnd, trialEnd.minus(settings.renewBefore()), now)) {
                    settlement.subscriptionPaid(s.id(), s.userId(), s.territory(), Transaction.Provider.MOBILE_MONEY,
                            s.wallet(), "trial-" + s.id(), "trial-" + s.id(), 0, s.currency(), trialEnd);
                    coupons.redeemedBySubscription(s.id());
                    events.started(ledger.find(s.id()).orElseThrow());
                }
            });
            return;
        }
        Transaction first = inTransaction.execute(t -> {
            Subscription locked = ledger.lock(s.id()).orElseThrow();
            if (locked.status() != Subscription.Status.INCOMPLETE) {
                return null;
            }
            Transaction charge = charges.openForSubscription(chargeId(locked), locked.id(), locked.userId(),
                    locked.territory(), locked.wallet(), locked.nextCharge(locked.amount()), locked.currency());
            ledger.renewalSent(locked.id(), charge.id(), Instant.now(clock));
            return charge;
        });
        if (first != null && first.status() == Transaction.Status.PENDING) {
            charges.ask(first, new Msisdn(s.payerPhone()));
        }
    }

    /** Sends every renewal that is due; returns how many requests to pay went out. */
    int sendDueRenewals() {
        int sent = 0;
        while (true) {
            record Due(Transaction charge, Msisdn payer) {
            }
            List<Due> batch = inTransaction.execute(t -> {
                List<Due> due = new ArrayList<>();
                Instant now = Instant.now(clock);
                for (Subscription s : ledger.renewalsDue(now, BATCH)) {
                    // a move to a cheaper plan is paid for from the renewal on
                    Plan plan = plans.get(s.nextPlanCode() != null ? s.nextPlanCode() : s.planCode());
                    long amount = s.nextCharge(plan.prices().getOrDefault(s.currency(), s.amount()));
                    Transaction charge = charges.openForSubscription(chargeId(s), s.id(), s.userId(), s.territory(),
                            s.wallet(), amount, s.currency());
                    ledger.renewalSent(s.id(), charge.id(), now);
                    due.add(new Due(charge, new Msisdn(s.payerPhone())));
                }
                return due;
            });
            for (Due due : batch) {
                try {
                    charges.ask(due.charge(), due.payer());
                    sent++;
                } catch (WalletUnavailable e) {
                    // the request waits as PENDING: the poll asks the wallet about it, and if the wallet never got
                    // it, it expires as a failed attempt and the next one is scheduled
                    log.warn("wallet {} is away; the renewal {} was not sent ({})", due.charge().wallet(),
                            due.charge().id(), e.why());
                }
            }
            if (batch.size() < BATCH) {
                return sent;
            }
        }
    }

    /**
     * Asks the payer for the difference to a dearer plan; the plan changes when they approve. One
     * upgrade waits at a time, and asking again for the same one asks nobody twice.
     */
    void askForUpgrade(Subscription s, Plan plan, long difference) {
        UUID id = UUID.nameUUIDFromBytes(("subscription-upgrade:" + s.id() + ":" + s.currentPeriodEnd() + ":"
                + plan.code()).getBytes(StandardCharsets.UTF_8));
        Transaction charge = inTransaction.execute(t -> {
            Subscription locked = ledger.lock(s.id()).orElseThrow();
            if (locked.upgrade() != null && !locked.upgrade().paymentId().equals(id)) {
                throw new PlanChangeNotOffered(s.id(), "a move to " + locked.upgrade().planCode()
                        + " waits for the payer's approval");
            }
            Transaction opened = charges.openForSubscription(id, s.id(), s.userId(), s.territory(), s.wallet(),
                    difference, s.currency());
            ledger.upgradeAsked(s.id(), plan.code(), id, Instant.now(clock));
            return opened;
        });
        if (charge.status() == Transaction.Status.PENDING) {
            charges.ask(charge, new Msisdn(s.payerPhone()));
        }
    }

    /** One charge per subscription, period and attempt: the same question asked twice is one charge. */
    private static UUID chargeId(Subscription s) {
        return UUID.nameUUIDFromBytes(("subscription-charge:" + s.id() + ":" + s.currentPeriodEnd() + ":"
                + s.renewal().attempts()).getBytes(StandardCharsets.UTF_8));
    }
}
