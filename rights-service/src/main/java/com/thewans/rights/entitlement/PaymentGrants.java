package com.thewans.rights.entitlement;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import com.thewans.rights.window.PpvEvent;
import com.thewans.rights.window.ReleaseWindow;
import com.thewans.rights.window.ReleaseWindowRepository;
import com.thewans.rights.window.RentalTerms;
import com.thewans.rights.window.WindowType;

/**
 * Turns captured and refunded payments into entitlements. One entitlement per transaction: the
 * insert is ON CONFLICT (transaction_id) DO NOTHING, so a payment announced twice (two event ids,
 * or the same event delivered concurrently) grants once and announces the grant once.
 */
@Component
class PaymentGrants {

    private static final Logger log = LoggerFactory.getLogger(PaymentGrants.class);
    // a PPV ticket for a window that no longer says when its event is: a day from payment
    private static final Duration PPV_FALLBACK = Duration.ofHours(24);

    /** payment.succeeded data, our own small view of it (tolerant reader). */
    record PaymentSucceeded(UUID transactionId, UUID userId, EntitlementKind kind, UUID filmId, UUID windowId,
            UUID subscriptionId, Instant periodEnd, Instant paidAt) {
    }

    private final JdbcTemplate jdbc;
    private final ReleaseWindowRepository windows;
    private final EntitlementEvents events;

    PaymentGrants(JdbcTemplate jdbc, ReleaseWindowRepository windows, EntitlementEvents events) {
        this.jdbc = jdbc;
        this.windows = windows;
        this.events = events;
    }

    /** Must run inside a transaction (the event handler's). Returns whether this call granted. */
    boolean grant(PaymentSucceeded payment) {
        lockTransaction(payment.transactionId());
        boolean refunded = !jdbc.queryForList("select 1 from refunded_payments where transaction_id = ?",
                Integer.class, payment.transactionId()).isEmpty();
        ReleaseWindow window = payment.windowId() == null ? null : windows.findById(payment.windowId()).orElse(null);
        Instant paidAt = payment.paidAt();
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
        // a payment refunded before its grant arrived is recorded, revoked, and never announced
        List<UUID> inserted = jdbc.queryForList("""
                insert into entitlements (id, user_id, kind, source, status, film_id, window_id, transaction_id,
                    subscription_id, valid_from, valid_until, start_by, watch_hours, granted_at, granted_by,
                    revoked_at, revoke_reason)
                values (?, ?, ?, 'PAYMENT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'payment-service', ?, ?)
                on conflict (transaction_id) do nothing
                returning id""", UUID.class,
                id, payment.userId(), payment.kind().name(), refunded ? "REVOKED" : "ACTIVE", filmId,
                payment.windowId(), payment.transactionId(), payment.subscriptionId(), ts(validFrom), ts(validUntil),
                ts(startBy), watchHours, ts(paidAt), refunded ? ts(paidAt) : null, refunded ? "REFUNDED" : null);
        if (inserted.isEmpty()) {
            log.info("Payment {} was already granted", payment.transactionId());
            return false;
        }
        if (refunded) {
            log.info("Payment {} was refunded before its grant arrived; recorded as revoked", payment.transactionId());
            return false;
        }
        events.granted(new EntitlementEvents.Granted(id, payment.userId(), payment.kind(), "PAYMENT", filmId,
                payment.windowId(), payment.transactionId(), payment.subscriptionId(), validFrom, validUntil,
                startBy));
        return true;
    }

    /** Revokes what the refunded payment granted; returns how many entitlements it revoked. */
    int revoke(UUID transactionId, Instant refundedAt) {
        lockTransaction(transactionId);
        jdbc.update("insert into refunded_payments (transaction_id, refunded_at) values (?, ?) on conflict do nothing",
                transactionId, ts(refundedAt));
        List<EntitlementEvents.Revoked> revoked = jdbc.query("""
                update entitlements set status = 'REVOKED', revoked_at = ?, revoke_reason = 'REFUNDED'
                where transaction_id = ? and status = 'ACTIVE'
                returning id, user_id, kind, film_id, transaction_id""",
                (rs, i) -> new EntitlementEvents.Revoked(rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class), EntitlementKind.valueOf(rs.getString("kind")),
                        rs.getObject("film_id", UUID.class), rs.getObject("transaction_id", UUID.class), "REFUNDED"),
                ts(refundedAt), transactionId);
        revoked.forEach(events::revoked);
        return revoked.size();
    }

    /** Grant and refund of one payment take turns, so neither misses the other's uncommitted row. */
    private void lockTransaction(UUID transactionId) {
        jdbc.query("select pg_advisory_xact_lock(?)", (RowCallbackHandler) rs -> { },
                transactionId.getMostSignificantBits() ^ transactionId.getLeastSignificantBits());
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
