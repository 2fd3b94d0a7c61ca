package com.thewans.payment.purchase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.payment.card.CardPayments;
import com.thewans.payment.card.ProviderUnavailable;

/**
 * Card payments the payer never finished expire after {@code wans.payment.pending-for}: the provider's
 * side is cancelled first, so it cannot be paid later; should it have been paid in the meantime,
 * its success message still wins (success outranks expiry). Every instance sweeps; rows are locked
 * with SKIP LOCKED, so each payment expires once. Mobile-money payments are not swept here: a wallet
 * has no cancel, and its callback may never come, so they expire in {@link MobileMoneyReconciliation}
 * after one last poll has found the payer still silent.
 */
@Component
public class PendingPayments {

    private static final Logger log = LoggerFactory.getLogger(PendingPayments.class);
    private static final int BATCH = 50;

    private final TransactionLedger ledger;
    private final Settlement settlement;
    private final CardPayments cards;
    private final TransactionTemplate inTransaction;
    private final Clock clock;

    PendingPayments(TransactionLedger ledger, Settlement settlement, CardPayments cards,
            TransactionTemplate inTransaction, Clock clock) {
        this.ledger = ledger;
        this.settlement = settlement;
        this.cards = cards;
        this.inTransaction = inTransaction;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${wans.payment.sweep-every}", fixedDelayString = "${wans.payment.sweep-every}")
    void sweepOnSchedule() {
        try {
            expireOverdue();
        } catch (ProviderUnavailable e) {
            log.warn("the card provider is away; overdue payments expire on the next sweep");
        }
    }

    /** Expires every overdue card payment; returns how many. */
    public int expireOverdue() {
        int expired = 0;
        while (true) {
            Integer batch = inTransaction.execute(status -> {
                List<Transaction> overdue = ledger.overdue(Transaction.Provider.STRIPE, Instant.now(clock), BATCH);
                for (Transaction t : overdue) {
                    if (t.providerRef() != null) {
                        cards.cancel(t.providerRef());
                    }
                    settlement.expired(t);
                }
                return overdue.size();
            });
            expired += batch == null ? 0 : batch;
            if (batch == null || batch < BATCH) {
                return expired;
            }
        }
    }
}
