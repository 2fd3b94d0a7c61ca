package com.thewans.payment.purchase;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.thewans.common.audit.AuditLog;
import com.thewans.common.security.CurrentUser;
import com.thewans.payment.card.CardPayments;

/**
 * An admin gives money back, in full or in part, through the provider that took it. The payment's
 * status changes when the provider confirms the refund (its charge.refunded message), the one
 * place refunds are recorded, so an API answer and a webhook can never count one refund twice.
 */
@Service
class Refunds {

    /** What the provider accepted; the payment shows it once the provider confirms. */
    record RefundAccepted(UUID transactionId, String refundId, long amount, String currency, String status) {
    }

    private final Purchases purchases;
    private final CardPayments cards;
    private final MobileMoneyRefunds wallets;
    private final AuditLog audit;

    Refunds(Purchases purchases, CardPayments cards, MobileMoneyRefunds wallets, AuditLog audit) {
        this.purchases = purchases;
        this.cards = cards;
        this.wallets = wallets;
        this.audit = audit;
    }

    RefundAccepted refund(CurrentUser admin, UUID transactionId, RefundRequest request,
            UUID refundKey) {
        Transaction t = purchases.readable(admin, transactionId);
        if (!t.status().captured() || t.refundable() == 0 || t.providerRef() == null) {
            throw new NotRefundable(t.id(), t.status());
        }
        RefundAccepted accepted;
        if (t.provider() == Transaction.Provider.MOBILE_MONEY) {
            // the wallet's refunds are counted here, pending ones included, under the payment's lock
            MobileMoneyRefunds.Refund refund = wallets.refund(t, refundKey, request.amount(), request.reason(),
                    admin.userId());
            accepted = new RefundAccepted(t.id(), refund.id().toString(), refund.amount(), t.currency(),
                    refund.status().toLowerCase(java.util.Locale.ROOT));
        } else {
            long amount = request.amount() == null ? t.refundable() : request.amount();
            if (amount > t.refundable()) {
                throw new RefundTooLarge(t.id(), amount, t.refundable());
            }
            CardPayments.CardRefund refund = cards.refund(t.providerRef(), amount, request.reason(),
                    "wans-refund-" + refundKey);
            accepted = new RefundAccepted(t.id(), refund.id(), refund.amount(), t.currency(), refund.status());
        }
        audit.record("payment.refund-requested", "transaction:" + t.id(), Map.of("amount", accepted.amount(),
                "currency", t.currency(), "reason", request.reason(), "refundId", accepted.refundId()));
        return accepted;
    }
}
