package com.thewans.notification.reaction;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.thewans.common.events.EventEnvelope;
import com.thewans.common.events.EventHandler;
import com.thewans.notification.kind.NotificationType;
import com.thewans.notification.notification.Notice;
import com.thewans.notification.notification.Notifier;

/**
 * payment-service's subscription.* events, each told to the subscriber at once: renewed, past due,
 * expiring soon (payment sends it once per period, three days before a period that will not renew
 * by itself ends, so a cancellation taken back is never warned of) and expired.
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
    EventHandler subscriptionRenewedHandler(Notifier notifier) {
        return EventHandler.of("subscription.renewed", SubscriptionChanged.class,
                (s, event) -> tell(notifier, NotificationType.SUBSCRIPTION_RENEWED, s, event));
    }

    @Bean
    EventHandler subscriptionPastDueHandler(Notifier notifier) {
        return EventHandler.of("subscription.past_due", SubscriptionChanged.class,
                (s, event) -> tell(notifier, NotificationType.SUBSCRIPTION_PAST_DUE, s, event));
    }

    @Bean
    EventHandler subscriptionExpiringSoonHandler(Notifier notifier) {
        return EventHandler.of("subscription.expiring_soon", SubscriptionChanged.class,
                (s, event) -> tell(notifier, NotificationType.SUBSCRIPTION_EXPIRING, s, event));
    }

    @Bean
    EventHandler subscriptionExpiredHandler(Notifier notifier) {
        return EventHandler.of("subscription.expired", SubscriptionChanged.class,
                (s, event) -> tell(notifier, NotificationType.SUBSCRIPTION_EXPIRED, s, event));
    }

    private static void tell(Notifier notifier, NotificationType type, SubscriptionChanged s, EventEnvelope event) {
        notifier.notify(Notice.of(s.userId(), type, "event:" + event.id(),
                Map.of("plan", s.plan(), "periodEnd", Wording.day(s.currentPeriodEnd()))));
    }
}
