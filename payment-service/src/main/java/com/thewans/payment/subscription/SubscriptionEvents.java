package com.thewans.payment.subscription;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.thewans.common.events.DomainEvents;

/** subscription.* events for notification-service and the rest; shapes in docs/events.md. */
@Component
class SubscriptionEvents {

    /** What every subscription event says: whose, which plan, where it stands, until when it is paid. */
    record SubscriptionChanged(UUID subscriptionId, UUID userId, String plan, Subscription.Status status,
            Instant currentPeriodEnd, boolean cancelAtPeriodEnd, String reason) {

        static SubscriptionChanged of(Subscription s, String reason) {
            return new SubscriptionChanged(s.id(), s.userId(), s.planCode(), s.status(), s.currentPeriodEnd(),
                    s.cancelAtPeriodEnd(), reason);
        }
    }

    private final DomainEvents events;

    SubscriptionEvents(DomainEvents events) {
        this.events = events;
    }

    void started(Subscription s) {
        events.publish("subscription.started", SubscriptionChanged.of(s, null));
    }

    void renewed(Subscription s) {
        events.publish("subscription.renewed", SubscriptionChanged.of(s, null));
    }

    /** The subscription is on another plan from now ({@code reason}: upgrade or downgrade). */
    void planChanged(Subscription s, String reason) {
        events.publish("subscription.plan_changed", SubscriptionChanged.of(s, reason));
    }

    void pastDue(Subscription s) {
        events.publish("subscription.past_due", SubscriptionChanged.of(s, "renewal-failed"));
    }

    void cancelled(Subscription s) {
        events.publish("subscription.cancelled", SubscriptionChanged.of(s, "viewer-cancelled"));
    }

    /** A period that will not renew by itself ends soon: {@code reason} says why it will not. */
    void expiringSoon(Subscription s) {
        events.publish("subscription.expiring_soon",
                SubscriptionChanged.of(s, s.cancelAtPeriodEnd() ? "cancelled" : "renewal-failed"));
    }

    void expired(Subscription s, String reason) {
        events.publish("subscription.expired", SubscriptionChanged.of(s, reason));
    }
}
