package com.thewans.payment.purchase;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.payment.coupon.Coupons;
import com.thewans.payment.invoice.Invoice;
import com.thewans.payment.invoice.Invoices;

/**
 * Applies what a provider says happened to a payment, whichever way it arrives (the answer to our
 * own call, a webhook, a status poll) and in whatever order: success issues the invoice and
 * announces payment.succeeded once, a refund before its success first records the success (the
 * money did move), and a message about a status already passed changes nothing.
 */
@Service
public class Settlement {

    private static final Logger log = LoggerFactory.getLogger(Settlement.class);

    private final TransactionLedger ledger;
    private final Invoices invoices;
    private final PaymentEvents events;
    private final Coupons coupons;
    private final ObjectProvider<SubscriptionPeriods> periods;
    private final Clock clock;

    /** The subscription feature's periods come lazily: that feature settles its charges through this class. */
    Settlement(TransactionLedger ledger, Invoices invoices, PaymentEvents events, Coupons coupons,
            ObjectProvider<SubscriptionPeriods> periods, Clock clock) {
        this.ledger = ledger;
        this.invoices = invoices;
        this.events = events;
        this.coupons = coupons;
        this.periods = periods;
        this.clock = clock;
    }

    /** The provider captured the money. */
    @Transactional
    public void succeeded(Transaction.Provider provider, String providerRef, UUID transactionHint) {
        Transaction t = find(provider, providerRef, transactionHint);
        Instant now = Instant.now(clock);
        if (ledger.succeed(t.id(), now)) {
            Transaction done = ledger.find(t.id()).orElseThrow();
            Invoice invoice = invoices.issue(done.id(), done.userId(), describe(done), done.currency(), done.amount(),
                    done.gstAmount(), now);
            coupons.redeemed(done.id());
            Instant periodEnd = done.kind() == Transaction.Kind.SUBSCRIPTION ? periods.getObject().paid(done) : null;
            events.succeeded(done, invoice, periodEnd);
        }
    }

    /**
     * A subscription's period was paid at the provider (or a trial began, paying nothing): a
     * captured SUBSCRIPTION payment, its invoice when money moved, and payment.succeeded with the
     * period's end, once per provider invoice however often its message comes. {@code paymentRef}
     * is the provider's payment that refunds go through (the invoice's own id when nothing was paid).
     * True when this message recorded the payment, false when an earlier one had.
     */
    @Transactional
    public boolean subscriptionPaid(UUID subscriptionId, UUID userId, String territory, Transaction.Provider provider,
            String wallet, String invoiceRef, String paymentRef, long amount, String currency, Instant periodEnd) {
        Instant now = Instant.now(clock);
        UUID id = UUID.nameUUIDFromBytes((provider + "-invoice:" + invoiceRef).getBytes(StandardCharsets.UTF_8));
        Transaction t = new Transaction(id, userId, Transaction.Kind.SUBSCRIPTION, null, null, subscriptionId, territory,
                currency, amount, 0, amount, Gst.includedIn(amount, territory), provider, wallet, paymentRef, null,
                Transaction.Status.PENDING, 0, null, null, now, null, now, null);
        if (ledger.open(t) && ledger.succeed(id, now)) {
            Transaction paid = ledger.find(id).orElseThrow();
            Invoice invoice = amount == 0 ? null : invoices.issue(paid.id(), paid.userId(),
                    describe(paid), currency, amount, paid.gstAmount(), now);
            events.succeeded(paid, invoice, periodEnd);
            return true;
        }
        return false;
    }

    /** The payer's attempt was declined or abandoned; a payment that succeeded meanwhile stays succeeded. */
    @Transactional
    public void failed(Transaction.Provider provider, String providerRef, UUID transactionHint, String code,
            String message) {
        Transaction t = find(provider, providerRef, transactionHint);
        if (ledger.fail(t.id(), code, message, Instant.now(clock))) {
            coupons.released(t.id());
            events.failed(t, code);
            unpaid(t);
        }
    }

    /** The provider's refunds of this payment now add up to {@code refundedTotal}. */
    @Transactional
    public void refunded(Transaction.Provider provider, String providerRef, UUID transactionHint, long refundedTotal) {
        Transaction t = find(provider, providerRef, transactionHint);
        if (!t.status().captured()) {
            // the refund overtook the success on its way here: only captured money can be refunded
            succeeded(provider, providerRef, t.id());
            t = ledger.find(t.id()).orElseThrow();
        }
        if (ledger.refund(t.id(), refundedTotal, Instant.now(clock))) {
            events.refunded(t, refundedTotal, t.refundedAmount());
        }
    }

    /** A payment the payer never finished, after its time: EXPIRED, announced as payment.failed. */
    @Transactional
    void expired(Transaction t) {
        if (ledger.expire(t.id(), Instant.now(clock))) {
            coupons.released(t.id());
            events.failed(t, "expired");
            unpaid(t);
        }
    }

    private void unpaid(Transaction t) {
        if (t.kind() == Transaction.Kind.SUBSCRIPTION) {
            periods.getObject().unpaid(t);
        }
    }

    private Transaction find(Transaction.Provider provider, String providerRef, UUID transactionHint) {
        Optional<Transaction> byRef = providerRef == null ? Optional.empty() : ledger.byProviderRef(provider, providerRef);
        if (byRef.isPresent()) {
            return byRef.get();
        }
        // a webhook can overtake the commit that records the provider's id: the metadata names our id
        Transaction t = (transactionHint == null ? Optional.<Transaction>empty() : ledger.find(transactionHint))
                .orElseThrow(() -> new UnknownPayment(provider, providerRef));
        if (t.providerRef() == null && providerRef != null) {
            ledger.attach(t.id(), providerRef, null, Instant.now(clock));
        } else if (providerRef != null && !providerRef.equals(t.providerRef())) {
            log.warn("{} message for {} names transaction {}, which belongs to {}", provider, providerRef, t.id(),
                    t.providerRef());
            throw new UnknownPayment(provider, providerRef);
        }
        return t;
    }

    static String describe(Transaction t) {
        return switch (t.kind()) {
            case RENTAL -> "Film rental (TVOD), film " + t.filmId();
            case PURCHASE -> "Film purchase (PVOD), film " + t.filmId();
            case PPV_TICKET -> "Pay-per-view ticket, film " + t.filmId();
            case COLLECTOR -> "Collector's edition, film " + t.filmId();
            case SUBSCRIPTION -> "Subscription " + t.subscriptionId();
        };
    }
}
