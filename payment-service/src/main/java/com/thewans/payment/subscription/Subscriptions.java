package com.thewans.payment.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.audit.AuditLog;
import com.thewans.common.security.CurrentUser;
import com.thewans.payment.card.CardDeclined;
import com.thewans.payment.card.CardRefused;
import com.thewans.payment.card.CardSubscriptions;
import com.thewans.payment.coupon.Coupons;
import com.thewans.payment.plan.Plan;
import com.thewans.payment.plan.Plans;

/**
 * A viewer subscribes to a plan by card: the subscription is recorded INCOMPLETE before Stripe is
 * asked, under an id derived from the request's Idempotency-Key, and every Stripe call is keyed by
 * it, so a retry after a fault finds the customer and subscription Stripe may already have made.
 * Stripe Billing then renews, invoices and retries; {@link SubscriptionBilling} follows it.
 */
@Service
class Subscriptions {

    private final Plans plans;
    private final SubscriptionLedger ledger;
    private final SubscriptionBilling billing;
    private final CardSubscriptions cards;
    private final MobileMoneySubscriptions mobileMoney;
    private final Coupons coupons;
    private final SubscriptionEvents events;
    private final TransactionTemplate inTransaction;
    private final AuditLog audit;
    private final Clock clock;

    Subscriptions(Plans plans, SubscriptionLedger ledger, SubscriptionBilling billing, CardSubscriptions cards,
            MobileMoneySubscriptions mobileMoney, Coupons coupons, SubscriptionEvents events, TransactionTemplate inTransaction, AuditLog audit, Clock clock) {
        this.plans = plans;
        this.ledger = ledger;
        this.billing = billing;
        this.cards = cards;
        this.mobileMoney = mobileMoney;
        this.coupons = coupons;
        this.events = events;
        this.inTransaction = inTransaction;
        this.audit = audit;
        this.clock = clock;
    }

    SubscriptionView subscribe(CurrentUser viewer, UUID id, SubscribeRequest request, String territory) {
        Subscription s = ledger.find(id).orElseGet(() -> open(viewer, id, request, territory));
        if (!s.userId().equals(viewer.userId())) {
            throw new SubscriptionNotFound(id);
        }
        if (s.byMobileMoney()) {
            if (s.status() == Subscription.Status.INCOMPLETE) {
                mobileMoney.start(s);
            }
            return SubscriptionView.of(ledger.find(id).orElseThrow());
        }
        if (s.providerRef() == null && s.status() == Subscription.Status.INCOMPLETE) {
            CardSubscriptions.BillingSubscription made;
            try {
                made = startAtStripe(viewer, s, request);
            } catch (CardDeclined | CardRefused refused) {
                // nothing was charged and Stripe holds no subscription: the record goes, so the viewer may
                // subscribe again with another card, and the same request again is refused the same way
                inTransaction.executeWithoutResult(t -> {
                    coupons.releasedBySubscription(id);
                    ledger.discard(id);
                });
                throw refused;
            }
            inTransaction.executeWithoutResult(t -> ledger.attach(id, made.id(), Instant.now(clock)));
            billing.follow(made, id);
        }
        return SubscriptionView.of(ledger.find(id).orElseThrow());
    }

    /**
     * The customer with the card as its default, the plan's recurring price, and the subscription;
     * a provider that is away leaves the subscription INCOMPLETE, and the same request resumes it.
     */
    private CardSubscriptions.BillingSubscription startAtStripe(CurrentUser viewer, Subscription s,
            SubscribeRequest request) {
        Plan plan = plans.get(s.planCode());
        String customer = cards.customer(ledger.customerOf(viewer.userId()).orElse(null), viewer.userId(),
                request.card().paymentMethod(), "wans-customer-" + s.id());
        inTransaction.executeWithoutResult(t -> ledger.rememberCustomer(viewer.userId(), customer, Instant.now(clock)));
        String price = cards.price(plan.code(), plan.name(), s.currency(), s.amount(), plan.interval().name());
        if (s.couponAmountOff() != null) {
            // a credit on the customer's balance: Stripe takes it off the first invoice with something to pay
            cards.adjustBalance(customer, -s.couponAmountOff(), s.currency(), "Coupon " + s.couponCode(),
                    "wans-coupon-" + s.id());
        }
        try {
            return cards.subscribe(customer, price, plan.trialDays(), Map.of("subscriptionId", s.id().toString(),
                    "userId", viewer.userId().toString(), "plan", plan.code()), "wans-subscription-" + s.id());
        } catch (CardDeclined | CardRefused refused) {
            if (s.couponAmountOff() != null) {
                // no subscription, no discount: the credit is taken back
                cards.adjustBalance(customer, s.couponAmountOff(), s.currency(), "Coupon " + s.couponCode()
                        + " not used", "wans-coupon-back-" + s.id());
            }
            throw refused;
        }
    }

    private Subscription open(CurrentUser viewer, UUID id, SubscribeRequest request, String territory) {
        boolean byMobileMoney = request.byMobileMoney();
        if (byMobileMoney) {
            mobileMoney.requireWallet(request.mobileMoney().wallet());
        }
        Plan plan = plans.get(request.plan());
        if (plan.retired()) {
            throw new PlanRetired(plan.code());
        }
        long amount = plan.priceIn(request.currency());
        Coupons.Discount discount = request.coupon() == null ? null
                : coupons.quote(request.coupon(), "SUBSCRIPTION", plan.code(), amount, request.currency());
        Instant now = Instant.now(clock);
        Subscription s = new Subscription(id, viewer.userId(), plan.code(), request.currency(), amount, territory,
                byMobileMoney ? SubscriptionBilling.MOBILE_MONEY : SubscriptionBilling.STRIPE, null,
                Subscription.Status.INCOMPLETE, null, null, null, false, null, now,
                byMobileMoney ? request.mobileMoney().wallet() : null,
                byMobileMoney ? request.mobileMoney().phone() : null, new Subscription.Renewal(null, 0), null,
                null, discount == null ? null : discount.code(), discount == null ? null : discount.amountOff());
        try {
            // the subscription and its use of the coupon are recorded together, or neither is
            inTransaction.executeWithoutResult(t -> {
                if (ledger.open(s) && s.couponCode() != null) {
                    coupons.holdForSubscription(s.couponCode(), s.userId(), s.id());
                }
            });
        } catch (DuplicateKeyException e) {
            throw new AlreadySubscribed(ledger.live(viewer.userId()).map(Subscription::id).orElse(null));
        }
        return ledger.find(id).orElseThrow();
    }

    /** Stops renewing at the end of the period paid for ({@code cancel}), or keeps renewing after all. */
    SubscriptionView cancelAtPeriodEnd(CurrentUser caller, UUID id, boolean cancel) {
        Subscription s = readable(caller, id);
        if (!s.status().live() || (s.providerRef() == null && !s.byMobileMoney())) {
            throw new SubscriptionEnded(id);
        }
        if (s.byMobileMoney()) {
            // the platform renews it, so the platform stops: no provider to tell
            inTransaction.executeWithoutResult(t -> {
                if (ledger.lock(id).orElseThrow().cancelAtPeriodEnd() != cancel
                        && ledger.cancelAtPeriodEnd(id, cancel, Instant.now(clock)) && cancel) {
                    events.cancelled(ledger.find(id).orElseThrow());
                }
            });
        } else {
            billing.follow(cards.cancelAtPeriodEnd(s.providerRef(), cancel), id);
        }
        audit.record(cancel ? "subscription.cancel-requested" : "subscription.resumed", "subscription:" + id,
                Map.of("userId", s.userId().toString(), "byOwner", caller.userId().equals(s.userId())));
        return SubscriptionView.of(ledger.find(id).orElseThrow());
    }

    Subscription readable(CurrentUser caller, UUID id) {
        Subscription s = ledger.find(id).orElseThrow(() -> new SubscriptionNotFound(id));
        if (!caller.isAdmin() && !caller.userId().equals(s.userId())) {
            throw new SubscriptionNotFound(id);
        }
        return s;
    }

    /** A viewer's subscriptions, newest first: only the viewer themself or an admin may ask. */
    List<SubscriptionView> ofUser(CurrentUser caller, UUID userId) {
        if (!caller.isAdmin() && !caller.userId().equals(userId)) {
            throw new org.springframework.security.access.AccessDeniedException("only your own subscriptions");
        }
        return ledger.ofUser(userId).stream().map(SubscriptionView::of).toList();
    }
}
