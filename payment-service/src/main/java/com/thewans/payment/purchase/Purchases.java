package com.thewans.payment.purchase;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.security.CurrentUser;
import com.thewans.payment.PaymentSettings;
import com.thewans.payment.card.CardPayments;
import com.thewans.payment.coupon.Coupons;
import com.thewans.payment.invoice.Invoices;
import com.thewans.payment.mobilemoney.MobileMoneyPayments;
import com.thewans.payment.mobilemoney.Msisdn;

/**
 * A viewer buys a film: the offer and its price from rights-service, the GST it holds, a PENDING
 * payment recorded before the provider is asked (so nothing the provider does is ever about a
 * payment we do not know), then the provider. Every step is keyed by the transaction id, which
 * is itself derived from the request's Idempotency-Key: a retry after a fault resumes the same
 * payment at the provider instead of opening a second one. For mobile money that key is the
 * request-to-pay reference, recorded with the payment: a retry asks the wallet again under it, and
 * the wallet answers that it was asked already.
 */
@Service
class Purchases {

    private final Offers offers;
    private final TransactionLedger ledger;
    private final CardPayments cards;
    private final WalletCharges walletCharges;
    private final Settlement settlement;
    private final Invoices invoices;
    private final Coupons coupons;
    private final TransactionTemplate inTransaction;
    private final PaymentSettings settings;
    private final Clock clock;

    Purchases(Offers offers, TransactionLedger ledger, CardPayments cards,
            WalletCharges walletCharges, Settlement settlement, Invoices invoices, Coupons coupons, TransactionTemplate inTransaction,
            PaymentSettings settings, Clock clock) {
        this.offers = offers;
        this.ledger = ledger;
        this.cards = cards;
        this.walletCharges = walletCharges;
        this.settlement = settlement;
        this.invoices = invoices;
        this.coupons = coupons;
        this.inTransaction = inTransaction;
        this.settings = settings;
        this.clock = clock;
    }

    TransactionView buy(CurrentUser viewer, UUID transactionId, PurchaseRequest request, String territory) {
        Transaction.Provider provider = request.provider();
        Transaction t = ledger.find(transactionId).orElseGet(() -> open(viewer, transactionId, request, territory));
        if (!t.userId().equals(viewer.userId())) {
            throw new TransactionNotFound(transactionId); // ids are derived per caller; this cannot be theirs
        }
        if (t.status() == Transaction.Status.PENDING && t.provider() != provider) {
            // a key whose first attempt failed, reused to pay the other way: that payment is still open
            throw new PurchaseInProgress(t.id());
        }
        if (provider == Transaction.Provider.MOBILE_MONEY) {
            if (t.status() == Transaction.Status.PENDING) {
                walletCharges.ask(t, new Msisdn(request.mobileMoney().phone()));
            }
        } else if (t.providerRef() == null && t.status() == Transaction.Status.PENDING) {
            CardPayments.CardPayment payment = cards.open(t.amount(), t.currency(), Settlement.describe(t),
                    Map.of("transactionId", t.id().toString(), "userId", t.userId().toString(), "kind",
                            t.kind().name()), request.paymentMethod(), "wans-transaction-" + t.id());
            if (payment.id() != null) {
                inTransaction.executeWithoutResult(s -> ledger.attach(t.id(), payment.id(), payment.clientSecret(),
                        Instant.now(clock)));
            }
            // a confirmed card answers at once; the webhook that follows will find nothing left to do
            if (payment.succeeded()) {
                settlement.succeeded(Transaction.Provider.STRIPE, payment.id(), t.id());
            } else if (payment.declined()) {
                settlement.failed(Transaction.Provider.STRIPE, payment.id(), t.id(), payment.declineCode(),
                        payment.declineMessage());
            }
        }
        return view(ledger.find(transactionId).orElseThrow());
    }

    private Transaction open(CurrentUser viewer, UUID id, PurchaseRequest request, String territory) {
        Transaction.Kind kind = request.kind().asTransactionKind();
        PurchaseRequest.MobileMoney payer = request.mobileMoney();
        if (payer != null) {
            walletCharges.requireWallet(payer.wallet());
        }
        if ((kind == Transaction.Kind.PURCHASE || kind == Transaction.Kind.COLLECTOR)
                && ledger.holds(viewer.userId(), request.filmId(), kind)) {
            throw new AlreadyOwned(request.filmId(), kind);
        }
        Offers.OnSale onSale = offers.price(request.filmId(), kind, territory, request.currency());
        Instant now = Instant.now(clock);
        long listPrice = onSale.amount();
        Coupons.Discount discount = request.coupon() == null ? new Coupons.Discount(null, 0)
                : coupons.quote(request.coupon(), kind.name(), null, listPrice, request.currency());
        long amount = listPrice - discount.amountOff();
        Transaction t = new Transaction(id, viewer.userId(), kind, request.filmId(), onSale.windowId(), null, territory,
                request.currency(), listPrice, discount.amountOff(), amount, Gst.includedIn(amount, territory),
                request.provider(), payer == null ? null : payer.wallet(),
                payer == null ? null : MobileMoneyPayments.referenceFor(id).toString(), null,
                Transaction.Status.PENDING, 0, null, null, now.plus(settings.pendingFor()), null, now, discount.code());
        try {
            // the payment and its use of the coupon are recorded together, or neither is
            inTransaction.executeWithoutResult(s -> {
                if (ledger.open(t) && t.couponCode() != null) {
                    coupons.hold(t.couponCode(), t.userId(), t.id());
                }
            });
        } catch (DuplicateKeyException e) {
            Transaction pending = ledger.pendingPurchase(viewer.userId(), request.filmId(), kind).orElseThrow(() -> e);
            throw new PurchaseInProgress(pending.id());
        }
        return ledger.find(id).orElseThrow();
    }

    TransactionView view(Transaction t) {
        return TransactionView.of(t, invoices.forTransaction(t.id()).map(i -> i.id()).orElse(null));
    }

    /** A page of payments with their invoices, found in one query rather than one per payment. */
    List<TransactionView> views(List<Transaction> page) {
        Map<UUID, UUID> invoiceIds = invoices.idsForTransactions(page.stream().map(Transaction::id).toList());
        return page.stream().map(t -> TransactionView.of(t, invoiceIds.get(t.id()))).toList();
    }

    /** A payment its owner or an admin may read; to anyone else it does not exist. */
    Transaction readable(CurrentUser user, UUID id) {
        Transaction t = ledger.find(id).orElseThrow(() -> new TransactionNotFound(id));
        if (!user.isAdmin() && !t.userId().equals(user.userId())) {
            throw new TransactionNotFound(id);
        }
        return t;
    }

    List<Transaction> ofUser(UUID userId, int page, int size) {
        return ledger.ofUser(userId, page, size);
    }

    long countOfUser(UUID userId) {
        return ledger.countOfUser(userId);
    }

    List<Transaction> all(Transaction.Status status, int page, int size) {
        return ledger.all(status, page, size);
    }

    long count(Transaction.Status status) {
        return ledger.count(status);
    }
}
