package com.thewans.payment.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.payment.PaymentSettings;

/**
 * What falls due with time on the subscriptions: mobile-money renewals are sent; mobile-money
 * subscriptions past their grace, or cancelled and run out, EXPIRE (Stripe ends card ones and says
 * so); and viewers whose period will not renew by itself are warned before it ends, once per
 * period. Every instance sweeps; rows are locked with SKIP LOCKED, so concurrent sweeps share the
 * work and announce each change once.
 */
@Component
class SubscriptionSweep {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionSweep.class);
    private static final int BATCH = 100;

    /** What one sweep did. */
    record Pass(int renewalsSent, int expired, int warned) {
    }

    private final MobileMoneySubscriptions mobileMoney;
    private final SubscriptionLedger ledger;
    private final SubscriptionEvents events;
    private final TransactionTemplate inTransaction;
    private final PaymentSettings.Subscriptions settings;
    private final Clock clock;

    SubscriptionSweep(MobileMoneySubscriptions mobileMoney, SubscriptionLedger ledger, SubscriptionEvents events,
            TransactionTemplate inTransaction, PaymentSettings settings, Clock clock) {
        this.mobileMoney = mobileMoney;
        this.ledger = ledger;
        this.events = events;
        this.inTransaction = inTransaction;
        this.settings = settings.subscriptions();
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${wans.payment.sweep-every:1m}", fixedDelayString = "${wans.payment.sweep-every:1m}")
    void sweepOnSchedule() {
        Pass pass = sweep();
        if (pass.renewalsSent() + pass.expired() + pass.warned() > 0) {
            log.info("subscription sweep: {} renewals sent, {} expired, {} warned", pass.renewalsSent(),
                    pass.expired(), pass.warned());
        }
    }

    Pass sweep() {
        int sent = mobileMoney.sendDueRenewals();
        int expired = inBatches(now -> {
            List<Subscription> ended = ledger.graceOver(now.minus(settings.grace()), BATCH);
            ended.forEach(s -> expire(s, "payment-failed", now));
            return ended.size();
        });
        expired += inBatches(now -> {
            List<Subscription> ended = ledger.cancelledAndRunOut(now, BATCH);
            ended.forEach(s -> expire(s, "cancelled", now));
            return ended.size();
        });
        int warned = inBatches(now -> {
            List<Subscription> ending = ledger.endingUnwarned(now, now.plus(settings.warnBefore()), BATCH);
            for (Subscription s : ending) {
                ledger.warned(s.id(), s.currentPeriodEnd());
                events.expiringSoon(s);
            }
            return ending.size();
        });
        return new Pass(sent, expired, warned);
    }

    /** Runs a batch, each in its own transaction, until one comes back short; returns how many rows were done. */
    private int inBatches(java.util.function.Function<Instant, Integer> batch) {
        int done = 0;
        int last;
        do {
            last = inTransaction.execute(t -> batch.apply(Instant.now(clock)));
            done += last;
        } while (last == BATCH);
        return done;
    }

    private void expire(Subscription s, String reason, Instant now) {
        if (ledger.expire(s.id(), reason, now)) {
            events.expired(ledger.find(s.id()).orElseThrow(), reason);
        }
    }
}
