package com.thewans.recommendation.history;

import static com.thewans.common.db.SqlTimes.ts;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.thewans.common.events.EventHandler;
import com.thewans.recommendation.cache.RecommendationCache;

/**
 * Rentals and purchases from payment.succeeded: paying for a film says the viewer wants it (ranking
 * counts it as half watched). One row per transaction, so a payment announced twice counts once;
 * subscriptions name no film and are not interest in any one film.
 */
@Configuration(proxyBeanMethods = false)
class PaymentEvents {

    private static final Set<String> FOR_A_FILM = Set.of("RENTAL", "PURCHASE", "PPV_TICKET", "COLLECTOR");

    /** Recommendation's view of payment.succeeded. */
    record PaymentSucceeded(UUID transactionId, UUID userId, String kind, UUID filmId) {

        PaymentSucceeded {
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(kind, "kind");
        }
    }

    @Bean
    EventHandler paymentSucceeded(JdbcTemplate jdbc, RecommendationCache cache) {
        return EventHandler.of("payment.succeeded", PaymentSucceeded.class, (payment, event) -> {
            if (!FOR_A_FILM.contains(payment.kind()) || payment.filmId() == null) {
                return;
            }
            int first = jdbc.update("""
                    insert into film_purchase (transaction_id, user_id, film_id, kind, paid_at) values (?, ?, ?, ?, ?)
                    on conflict (transaction_id) do nothing""",
                    payment.transactionId(), payment.userId(), payment.filmId(), payment.kind(),
                    ts(event.occurredAt()));
            if (first == 0) {
                return;
            }
            jdbc.update("""
                    insert into watch_history (user_id, film_id, bought, first_at, last_at) values (?, ?, true, ?, ?)
                    on conflict (user_id, film_id) do update set bought = true,
                        first_at = least(watch_history.first_at, excluded.first_at),
                        last_at = greatest(watch_history.last_at, excluded.last_at)""",
                    payment.userId(), payment.filmId(), ts(event.occurredAt()), ts(event.occurredAt()));
            cache.viewerChanged(payment.userId());
        });
    }
}
