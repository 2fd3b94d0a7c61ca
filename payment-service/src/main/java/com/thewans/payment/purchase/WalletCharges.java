package com.thewans.payment.purchase;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.thewans.payment.PaymentSettings;
import com.thewans.payment.mobilemoney.MobileMoneyPayments;
import com.thewans.payment.mobilemoney.Msisdn;

/**
 * Charges collected by a request to pay, for purchases and subscriptions alike: the PENDING payment is
 * recorded with its reference before the wallet is asked, and asking again under that reference asks
 * nobody twice. The reconciliation settles what the payer does.
 */
@Service
public class WalletCharges {

    private final TransactionLedger ledger;
    private final MobileMoneyPayments wallets;
    private final Settlement settlement;
    private final PaymentSettings settings;
    private final Clock clock;

    WalletCharges(TransactionLedger ledger, MobileMoneyPayments wallets, Settlement settlement,
            PaymentSettings settings, Clock clock) {
        this.ledger = ledger;
        this.wallets = wallets;
        this.settlement = settlement;
        this.settings = settings;
        this.clock = clock;
    }

    /** Refuses a wallet payers may not choose (a 422 naming the ones they may). */
    public void requireWallet(String wallet) {
        if (!wallets.wallets().contains(wallet)) {
            throw new WalletUnknown(wallet, wallets.wallets());
        }
    }

    /**
     * Records the PENDING charge of a subscription's period under this id (once: a second call with
     * the id finds the first) and answers it. Call inside the transaction that records what it is for.
     */
    public Transaction openForSubscription(UUID id, UUID subscriptionId, UUID userId, String territory, String wallet,
            long amount, String currency) {
        Instant now = Instant.now(clock);
        ledger.open(new Transaction(id, userId, Transaction.Kind.SUBSCRIPTION, null, null, subscriptionId, territory,
                currency, amount, 0, amount, Gst.includedIn(amount, territory), Transaction.Provider.MOBILE_MONEY,
                wallet, MobileMoneyPayments.referenceFor(id).toString(), null, Transaction.Status.PENDING, 0, null,
                null, now.plus(settings.pendingFor()), null, now, null));
        return ledger.find(id).orElseThrow();
    }

    /**
     * Asks the payer through their wallet, under the payment's own reference: asked before (a retry
     * after a fault) is as good as asked now, and a wallet that refuses to ask fails the payment.
     *
     * @throws com.thewans.payment.mobilemoney.WalletUnavailable when the wallet does not answer
     */
    public void ask(Transaction t, Msisdn payer) {
        MobileMoneyPayments.Asked asked = wallets.requestToPay(t.wallet(), new MobileMoneyPayments.RequestToPay(
                UUID.fromString(t.providerRef()), t.amount(), t.currency(), payer, t.id().toString(),
                payerMessage(t), "WANS transaction " + t.id(),
                settings.mobileMoney().callbackUrl(t.wallet()).orElse(null)));
        if (asked.refused()) {
            settlement.failed(Transaction.Provider.MOBILE_MONEY, t.providerRef(), t.id(),
                    asked.refusalCode().toLowerCase(Locale.ROOT), asked.refusalMessage());
        }
    }

    /** What the payer reads on their phone before approving. */
    private static String payerMessage(Transaction t) {
        return switch (t.kind()) {
            case RENTAL -> "THE WANS: film rental";
            case PURCHASE -> "THE WANS: film purchase";
            case PPV_TICKET -> "THE WANS: pay-per-view ticket";
            case COLLECTOR -> "THE WANS: collector's edition";
            case SUBSCRIPTION -> "THE WANS: subscription";
        };
    }
}
