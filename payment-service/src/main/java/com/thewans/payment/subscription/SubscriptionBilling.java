package com.thewans.payment.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.payment.card.CardSubscriptions;
import com.thewans.payment.plan.Plans;
import com.thewans.payment.coupon.Coupons;
import com.thewans.payment.purchase.Settlement;
import com.thewans.payment.purchase.Transaction;

/**
 * Follows what Stripe Billing says of a subscription, from our own calls' answers and from its
 * webhooks alike: each paid invoice becomes a captured SUBSCRIPTION payment (rights extends the
 * viewer's access to the period's end), and each change of state is announced once, because the
 * state is changed under the row's lock and compared with what it was.
 */
@Service
public class SubscriptionBilling {

    static final String STRIPE = Transaction.Provider.STRIPE.name();
    static final String MOBILE_MONEY = Transaction.Provider.MOBILE_MONEY.name();

    private final SubscriptionLedger ledger;
    private final SubscriptionEvents events;
    private final Settlement settlement;
    private final Plans plans;
    private final Coupons coupons;
    private final Clock clock;

    SubscriptionBilling(SubscriptionLedger ledger, SubscriptionEvents events, Settlement settlement, Plans plans,
            Coupons coupons, Clock clock) {
        this.coupons = coupons;
        this.ledger = ledger;
        this.events = events;
        this.settlement = settlement;
        this.plans = plans;
        this.clock = clock;
    }

    /**
     * An invoice of the subscription was paid: the period up to {@code periodEnd} is granted (a
     * trial's invoice pays nothing and grants its trial). Repeated messages grant once.
     */
    @Transactional
    public void invoicePaid(String providerRef, UUID subscriptionHint, String invoiceRef, String paymentRef,
            long amountPaid, String currency, Instant periodEnd, boolean renewal) {
        Subscription s = ledger.lock(find(providerRef, subscriptionHint).id()).orElseThrow();
        boolean recorded = settlement.subscriptionPaid(s.id(), s.userId(), s.territory(), Transaction.Provider.STRIPE,
                null, invoiceRef, paymentRef, amountPaid, currency.toUpperCase(java.util.Locale.ROOT), periodEnd);
        if (recorded && amountPaid > 0 && s.couponAmountOff() != null) {
            ledger.couponUsed(s.id()); // Stripe took the coupon's credit off this invoice
        }
        if (!recorded || !renewal) {
            return; // a message seen before, or a payment that is not a renewal (the first, or a plan change's)
        }
        // once per paid renewal, whether Stripe's subscription.updated came before this or not
        Instant now = Instant.now(clock);
        if (periodEnd != null && (s.currentPeriodEnd() == null || periodEnd.isAfter(s.currentPeriodEnd()))) {
            ledger.follow(s.id(), s.status() == Subscription.Status.PAST_DUE ? Subscription.Status.ACTIVE : s.status(),
                    null, null, periodEnd, s.cancelAtPeriodEnd(), now);
        }
        if (s.nextPlanCode() != null) {
            // the cheaper plan chosen during the period: Stripe charged its price for this one
            ledger.planChanged(s.id(), s.nextPlanCode(),
                    plans.get(s.nextPlanCode()).prices().getOrDefault(s.currency(), s.amount()), null, null, null, now);
        }
        Subscription renewed = ledger.find(s.id()).orElseThrow();
        if (s.nextPlanCode() != null) {
            events.planChanged(renewed, "downgrade");
        }
        events.renewed(renewed);
    }

    /** The provider's state of the subscription, taken as it is, announcing what changed. */
    @Transactional
    public void follow(CardSubscriptions.BillingSubscription billing, UUID subscriptionHint) {
        Subscription before = ledger.lock(find(billing.id(), subscriptionHint).id()).orElseThrow();
        Subscription.Status status = Subscription.Status.ofStripe(billing.status());
        Instant now = Instant.now(clock);
        if (status == Subscription.Status.EXPIRED) {
            if (ledger.expire(before.id(), before.cancelAtPeriodEnd() ? "cancelled" : "payment-failed", now)) {
                events.expired(ledger.find(before.id()).orElseThrow(),
                        before.cancelAtPeriodEnd() ? "cancelled" : "payment-failed");
            }
            return;
        }
        if (!ledger.follow(before.id(), status, billing.trialEnd(), billing.periodStart(), billing.periodEnd(),
                billing.cancelAtPeriodEnd(), now)) {
            return; // expired already: a late message does not bring it back
        }
        Subscription after = ledger.find(before.id()).orElseThrow();
        if (before.status() == Subscription.Status.INCOMPLETE && after.status() != Subscription.Status.INCOMPLETE) {
            coupons.redeemedBySubscription(after.id());
            events.started(after);
        }
        if (before.status() != Subscription.Status.PAST_DUE && after.status() == Subscription.Status.PAST_DUE) {
            events.pastDue(after);
        }
        if (!before.cancelAtPeriodEnd() && after.cancelAtPeriodEnd()) {
            events.cancelled(after);
        }
    }

    private Subscription find(String providerRef, UUID subscriptionHint) {
        return ledger.byProviderRef(STRIPE, providerRef)
                .or(() -> subscriptionHint == null ? java.util.Optional.empty() : ledger.find(subscriptionHint))
                .orElseThrow(() -> new IllegalStateException("No subscription for Stripe subscription " + providerRef));
    }
}
