package com.thewans.notification.subscription;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.thewans.common.events.EventEnvelope;
import com.thewans.common.events.EventHandler;
import com.thewans.notification.kind.NotificationType;
import com.thewans.notification.notification.Notice;
import com.thewans.notification.notification.Notifier;

/**
 * payment-service's subscription.* events: renewed, past due and expired are told at once; a
 * cancelled subscription is remembered so {@link SubscriptionEndingWarnings} warns three days before
 * it ends (a renewal or the end itself forgets it).
 */
@Configuration(proxyBeanMethods = false)
class SubscriptionEvents {

    record SubscriptionChanged(UUID subscriptionId, UUID userId, String plan, String status, Instant currentPeriodEnd,
            boolean cancelAtPeriodEnd, String reason) {

        SubscriptionChanged {
            if (subscriptionId == null || userId == null) {
                throw new IllegalArgumentException("a subscription event needs subscriptionId and userId");
            }
            plan = plan == null ? "" : plan;
        }
    }

    @Bean
    EventHandler subscriptionRenewedHandler(Notifier notifier, JdbcTemplate jdbc) {
        return EventHandler.of("subscription.renewed", SubscriptionChanged.class, (s, event) -> {
            forget(jdbc, s);
            tell(notifier, NotificationType.SUBSCRIPTION_RENEWED, s, event);
        });
    }

    @Bean
    EventHandler subscriptionPastDueHandler(Notifier notifier) {
        return EventHandler.of("subscription.past_due", SubscriptionChanged.class,
                (s, event) -> tell(notifier, NotificationType.SUBSCRIPTION_PAST_DUE, s, event));
    }

    @Bean
    EventHandler subscriptionCancelledHandler(JdbcTemplate jdbc) {
        return EventHandler.of("subscription.cancelled", SubscriptionChanged.class, (s, event) -> {
            if (s.currentPeriodEnd() == null) {
                return;
            }
            jdbc.update("""
                    insert into subscription_endings (subscription_id, user_id, plan, ends_at) values (?, ?, ?, ?)
                    on conflict (subscription_id) do update set ends_at = excluded.ends_at, plan = excluded.plan,
                        warned_at = case when subscription_endings.ends_at = excluded.ends_at
                                         then subscription_endings.warned_at end""",
                    s.subscriptionId(), s.userId(), s.plan(), Timestamp.from(s.currentPeriodEnd()));
        });
    }

    @Bean
    EventHandler subscriptionExpiredHandler(Notifier notifier, JdbcTemplate jdbc) {
        return EventHandler.of("subscription.expired", SubscriptionChanged.class, (s, event) -> {
            forget(jdbc, s);
            tell(notifier, NotificationType.SUBSCRIPTION_EXPIRED, s, event);
        });
    }

    private static void forget(JdbcTemplate jdbc, SubscriptionChanged s) {
        jdbc.update("delete from subscription_endings where subscription_id = ?", s.subscriptionId());
    }

    private static void tell(Notifier notifier, NotificationType type, SubscriptionChanged s, EventEnvelope event) {
        notifier.notify(Notice.of(s.userId(), type, "event:" + event.id(),
                Map.of("plan", s.plan(), "periodEnd", SubscriptionEndingWarnings.date(s.currentPeriodEnd()))));
    }
}
