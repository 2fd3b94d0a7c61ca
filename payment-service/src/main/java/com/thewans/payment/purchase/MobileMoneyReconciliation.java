package com.thewans.payment.purchase;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.payment.mobilemoney.MobileMoneyPayments;
import com.thewans.payment.mobilemoney.MobileMoneyPayments.RequestStatus;
import com.thewans.payment.mobilemoney.WalletUnavailable;

/**
 * Mobile-money payments are settled by what their wallet answers when asked. Its callback may come
 * once or never, and even when it comes it is only a reason to ask. Every poll-every each request
 * still PENDING here is polled: SUCCESSFUL succeeds the payment, FAILED fails it with the wallet's
 * reason, and one still unanswered (or never received) past its pending-for expires, but only after
 * this last poll, so an approval whose callback was lost is found instead of expired. What each
 * poll learned is kept as a provider message (once per reference and status) in the database
 * transaction that acts on it. Every instance polls; rows are locked with SKIP LOCKED, so
 * concurrent passes share the work. A wallet that is away is skipped for the rest of a pass: its
 * payments wait, unexpired, until it answers again.
 */
@Component
public class MobileMoneyReconciliation {

    static final String PROVIDER = Transaction.Provider.MOBILE_MONEY.name();
    /** A kept poll answer's type (callbacks are kept as {@code requesttopay.callback}). */
    static final String POLLED = "requesttopay.status";
    private static final Logger log = LoggerFactory.getLogger(MobileMoneyReconciliation.class);
    private static final int BATCH = 50;
    /** The smallest UUID, where a pass starts walking. */
    private static final UUID FIRST = new UUID(0, 0);
    /** What a payer reads about the wallets' usual reasons. */
    private static final Map<String, String> REASONS = Map.of(
            "APPROVAL_REJECTED", "The payer declined the payment on their phone",
            "NOT_ENOUGH_FUNDS", "The wallet does not hold enough money",
            "PAYER_NOT_FOUND", "No wallet is registered to that phone number",
            "EXPIRED", "The payer did not answer in time");

    /** What one pass did: payments polled, settled (succeeded or failed), expired, and wallets found away. */
    record Pass(int polled, int settled, int expired, Set<String> walletsAway) {
    }

    private enum Effect { SETTLED, EXPIRED, WAITING }

    private record Polled(Effect effect, String outcome) {
    }

    private final TransactionLedger ledger;
    private final Settlement settlement;
    private final MobileMoneyPayments payments;
    private final ProviderMessageLog messages;
    private final MobileMoneyRefunds refunds;
    private final TransactionTemplate inTransaction;
    private final Clock clock;

    MobileMoneyReconciliation(TransactionLedger ledger, Settlement settlement, MobileMoneyPayments payments,
            ProviderMessageLog messages, MobileMoneyRefunds refunds, TransactionTemplate inTransaction, Clock clock) {
        this.refunds = refunds;
        this.ledger = ledger;
        this.settlement = settlement;
        this.payments = payments;
        this.messages = messages;
        this.inTransaction = inTransaction;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${wans.payment.mobile-money.poll-every:30s}",
            fixedDelayString = "${wans.payment.mobile-money.poll-every:30s}")
    void pollOnSchedule() {
        int refunded = refunds.reconcilePending();
        if (refunded > 0) {
            log.info("mobile-money poll: {} refunds settled", refunded);
        }
        Pass pass = reconcilePending();
        if (pass.settled() + pass.expired() > 0) {
            log.info("mobile-money poll: {} polled, {} settled, {} expired", pass.polled(), pass.settled(),
                    pass.expired());
        }
    }

    /** Polls every PENDING mobile-money payment once, settling or expiring what the answers allow. */
    Pass reconcilePending() {
        Set<String> away = new HashSet<>();
        AtomicInteger polled = new AtomicInteger();
        AtomicInteger settled = new AtomicInteger();
        AtomicInteger expired = new AtomicInteger();
        UUID after = FIRST;
        while (true) {
            UUID from = after;
            List<Transaction> batch = inTransaction.execute(status -> {
                List<Transaction> due = ledger.pendingMobileMoney(from, BATCH);
                for (Transaction t : due) {
                    if (away.contains(t.wallet())) {
                        continue;
                    }
                    try {
                        Polled result = poll(t);
                        polled.incrementAndGet();
                        if (result.effect() == Effect.SETTLED) {
                            settled.incrementAndGet();
                        } else if (result.effect() == Effect.EXPIRED) {
                            expired.incrementAndGet();
                        }
                    } catch (WalletUnavailable e) {
                        away.add(t.wallet());
                        log.warn("mobile-money wallet {} is away ({}); its payments wait for the next poll",
                                t.wallet(), e.why());
                    }
                }
                return due;
            });
            if (batch == null || batch.size() < BATCH) {
                return new Pass(polled.get(), settled.get(), expired.get(), Set.copyOf(away));
            }
            after = batch.get(batch.size() - 1).id();
        }
    }

    /**
     * Polls one payment now, because its wallet called back about it: the callback is a reason to
     * ask, not an answer. A payment that failed or expired is asked too (a late approval still
     * counts: the money moved). Returns what the poll did.
     *
     * @throws WalletUnavailable when the wallet does not answer (the callback is then tried again)
     */
    public String reconcile(UUID transactionId) {
        return inTransaction.execute(status -> {
            Transaction t = ledger.lock(transactionId).orElseThrow(() -> new UnknownPayment(
                    Transaction.Provider.MOBILE_MONEY, MobileMoneyPayments.referenceFor(transactionId).toString()));
            if (t.provider() != Transaction.Provider.MOBILE_MONEY) {
                return "ignored: not a mobile-money payment";
            }
            if (t.status().captured()) {
                return "ignored: already " + t.status();
            }
            return poll(t).outcome();
        });
    }

    private Polled poll(Transaction t) {
        UUID reference = UUID.fromString(t.providerRef());
        RequestStatus answer = payments.status(t.wallet(), reference);
        String messageId = reference + ":" + answer.state();
        boolean kept = messages.keep(PROVIDER, messageId, POLLED, answer.payload() == null ? "" : answer.payload());
        Polled polled = apply(t, answer);
        if (kept) {
            messages.processed(PROVIDER, messageId, polled.outcome());
        }
        return polled;
    }

    private Polled apply(Transaction t, RequestStatus answer) {
        RequestStatus.State state = answer.state();
        if (answer.externalId() != null && !answer.externalId().equals(t.id().toString())) {
            // our reference under another payment's id: believe none of it, and let the payment run its course
            log.error("mobile-money wallet {} answers reference {} with external id {}, not {}", t.wallet(),
                    t.providerRef(), answer.externalId(), t.id());
            state = RequestStatus.State.PENDING;
        }
        switch (state) {
            case SUCCESSFUL -> {
                settlement.succeeded(Transaction.Provider.MOBILE_MONEY, t.providerRef(), t.id());
                return new Polled(Effect.SETTLED, "succeeded");
            }
            case FAILED -> {
                String reason = answer.reason() == null ? "FAILED" : answer.reason();
                String code = reason.toLowerCase(Locale.ROOT);
                settlement.failed(Transaction.Provider.MOBILE_MONEY, t.providerRef(), t.id(), code,
                        REASONS.getOrDefault(reason, "The wallet reported " + reason));
                return new Polled(Effect.SETTLED, "failed: " + code);
            }
            default -> {
                if (t.status() == Transaction.Status.PENDING && !t.expiresAt().isAfter(Instant.now(clock))) {
                    settlement.expired(t);
                    return new Polled(Effect.EXPIRED, "expired: the payer never answered");
                }
                return new Polled(Effect.WAITING, state == RequestStatus.State.PENDING ? "pending"
                        : "not received by the wallet");
            }
        }
    }
}
