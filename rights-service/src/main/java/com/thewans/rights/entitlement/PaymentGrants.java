package com.thewans.rights.entitlement;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.thewans.rights.window.PpvEvent;
import com.thewans.rights.window.ReleaseWindow;
import com.thewans.rights.window.ReleaseWindowRepository;
import com.thewans.rights.window.RentalTerms;
import com.thewans.rights.window.WindowType;

/**
 * Turns captured and refunded payments into entitlements: what a payment entitles to, from its
 * kind and window; the guarded writes are {@link EntitlementLedger}'s, so a payment announced twice
 * (two event ids, or the same event delivered concurrently) grants once and announces the grant once.
 */
@Component
class PaymentGrants {

    private static final Logger log = LoggerFactory.getLogger(PaymentGrants.class);
    // a PPV ticket for a window that no longer says when its event is: a day from payment
    private static final Duration PPV_FALLBACK = Duration.ofHours(24);

    private final EntitlementLedger ledger;
    private final ReleaseWindowRepository windows;
    private final EntitlementEvents events;

    PaymentGrants(EntitlementLedger ledger, ReleaseWindowRepository windows, EntitlementEvents events) {
        this.ledger = ledger;
        this.windows = windows;
        this.events = events;
    }

    /** Must run inside a transaction (the event handler's). Returns whether this call granted. */
    boolean grant(PaymentSucceeded payment, Instant paidAt) {
        ledger.lockPayment(payment.transactionId());
        boolean refunded = ledger.wasRefunded(payment.transactionId());
        ReleaseWindow window = payment.windowId() == null ? null : windows.findById(payment.windowId()).orElse(null);
        Instant validFrom = paidAt;
        Instant validUntil = null;
        Instant startBy = null;
        Integer watchHours = null;
        switch (payment.kind()) {
            case RENTAL -> {
                RentalTerms terms = window != null && window.type() == WindowType.TVOD && window.rentalTerms() != null
                        ? window.rentalTerms() : RentalTerms.defaults();
                if (window == null || window.type() != WindowType.TVOD) {
                    log.warn("Rental {} names no TVOD window; granting default rental terms", payment.transactionId());
                }
                startBy = paidAt.plus(Duration.ofDays(terms.startWithinDays()));
                validUntil = startBy;
                watchHours = terms.watchWithinHours();
            }
            case PPV_TICKET -> {
                PpvEvent event = window == null ? null : window.ppvEvent();
                if (event != null) {
                    validFrom = event.eventStartsAt();
                    validUntil = event.eventEndsAt();
                } else {
                    validUntil = paidAt.plus(PPV_FALLBACK);
                }
            }
            case SUBSCRIPTION -> {
                if (payment.periodEnd() == null || payment.subscriptionId() == null) {
                    throw new IllegalArgumentException("A SUBSCRIPTION payment needs subscriptionId and periodEnd");
                }
                validUntil = payment.periodEnd();
            }
            case PURCHASE, COLLECTOR -> {
                // owned: no end
            }
            default -> throw new IllegalArgumentException("Payments do not grant " + payment.kind());
        }
        if (payment.kind() != EntitlementKind.SUBSCRIPTION && payment.filmId() == null) {
            throw new IllegalArgumentException("A " + payment.kind() + " payment needs filmId");
        }
        UUID filmId = payment.kind() == EntitlementKind.SUBSCRIPTION ? null : payment.filmId();
        UUID id = UUID.randomUUID();
        boolean inserted = ledger.grantForPayment(new EntitlementLedger.PaymentGrant(id, payment.userId(),
                payment.kind(), filmId, payment.windowId(), payment.transactionId(), payment.subscriptionId(),
                validFrom, validUntil, startBy, watchHours, paidAt), refunded);
        if (!inserted) {
            log.info("Payment {} was already granted", payment.transactionId());
            return false;
        }
        if (refunded) {
            log.info("Payment {} was refunded before its grant arrived; recorded as revoked", payment.transactionId());
            return false;
        }
        events.granted(new EntitlementEvents.EntitlementGranted(id, payment.userId(), payment.kind(), "PAYMENT",
                filmId, payment.windowId(), payment.transactionId(), payment.subscriptionId(), validFrom, validUntil,
                startBy));
        return true;
    }

    /** Revokes what the refunded payment granted; returns how many entitlements it revoked. */
    int revoke(UUID transactionId, Instant refundedAt) {
        ledger.lockPayment(transactionId);
        List<EntitlementEvents.EntitlementRevoked> revoked = ledger.revokeForRefund(transactionId, refundedAt);
        revoked.forEach(events::revoked);
        return revoked.size();
    }
}
