package com.thewans.royalty.ledger;

import java.sql.Date;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.thewans.common.events.EventHandler;
import com.thewans.royalty.agreement.RevenueKind;
import com.thewans.royalty.period.Period;

/**
 * What books revenue: sales and refunds from payment-service, billed ad hours from
 * advertising-service, and watch time (what SVOD pools are split by) from playback-service. Each
 * effect is idempotent on its own key, beside common's record of handled event ids. Data that
 * cannot be read throws: retried, then dead-lettered where admins see it, never dropped.
 */
@Configuration(proxyBeanMethods = false)
class RevenueEventHandlers {

    @Bean
    EventHandler royaltyPaymentSucceeded(Sales sales) {
        return EventHandler.of("payment.succeeded", PaymentSucceeded.class,
                (payment, event) -> sales.paid(payment, event.occurredAt()));
    }

    /** A full refund: {@code amount} is the payment's refunded total (all of it). */
    @Bean
    EventHandler royaltyPaymentRefunded(Sales sales) {
        return EventHandler.of("payment.refunded", PaymentRefunded.class,
                (refund, event) -> sales.refunded(refund.transactionId(), refund.amount(), event.occurredAt()));
    }

    /** A goodwill refund of part of a payment: the revenue it gave back is reversed pro rata. */
    @Bean
    EventHandler royaltyPaymentPartiallyRefunded(Sales sales) {
        return EventHandler.of("payment.partially_refunded", PaymentPartiallyRefunded.class,
                (refund, event) -> sales.refunded(refund.transactionId(), refund.refundedTotal(), event.occurredAt()));
    }

    @Bean
    EventHandler royaltyAdImpressionsBilled(RevenueLedger ledger) {
        return EventHandler.of("ad.impressions_billed", AdImpressionsBilled.class,
                (billed, event) -> ledger.book("ad:" + billed.billingId(), billed.filmId(), RevenueKind.AVOD, null,
                        billed.currency(), billed.amount(), billed.hourStart()));
    }

    @Bean
    EventHandler royaltyPlaybackStopped(JdbcTemplate jdbc) {
        return EventHandler.of("playback.stopped", PlaybackStopped.class, (stopped, event) -> jdbc.update("""
                insert into watch_time (session_id, period, film_id, territory, offer_kind, user_id, watched_seconds)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (session_id) do nothing""", stopped.sessionId(),
                Date.valueOf(Period.of(stopped.stoppedAt()).firstDay()), stopped.filmId(), stopped.territory(),
                stopped.offerKind(), stopped.userId(), Math.max(0, stopped.watchedSeconds())));
    }

    record PaymentRefunded(UUID transactionId, Long amount) {
        PaymentRefunded {
            Objects.requireNonNull(transactionId, "payment.refunded lacks transactionId");
        }
    }

    record PaymentPartiallyRefunded(UUID transactionId, Long refundedTotal) {
        PaymentPartiallyRefunded {
            Objects.requireNonNull(transactionId, "payment.partially_refunded lacks transactionId");
            Objects.requireNonNull(refundedTotal, "payment.partially_refunded lacks refundedTotal");
        }
    }
}
