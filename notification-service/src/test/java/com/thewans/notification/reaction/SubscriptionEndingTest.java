package com.thewans.notification.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.notification.NotificationTestSupport;

class SubscriptionEndingTest extends NotificationTestSupport {

    private long notices(UUID viewer, String type) {
        return jdbc.queryForObject("select count(*) from notifications where user_id = ? and type = ?", Long.class,
                viewer, type);
    }

    @Test
    void aSubscriberHearsOnceThatTheirSubscriptionEndsSoonWhenPaymentSaysSo() {
        UUID viewer = UUID.randomUUID();
        Map<String, Object> data = Map.of("subscriptionId", UUID.randomUUID().toString(), "userId", viewer.toString(),
                "plan", "standard", "status", "ACTIVE", "cancelAtPeriodEnd", true, "reason", "cancelled",
                "currentPeriodEnd", clock.instant().plus(Duration.ofDays(3)).toString());

        UUID event = publish("subscription.expiring_soon", data);
        await().atMost(Duration.ofSeconds(20)).until(() -> notices(viewer, "SUBSCRIPTION_EXPIRING") == 1);
        // the same event delivered again tells nobody twice; a renewal is told on its own
        publish("subscription.expiring_soon", event, data);
        publish("subscription.renewed", data);
        await().atMost(Duration.ofSeconds(20)).until(() -> notices(viewer, "SUBSCRIPTION_RENEWED") == 1);
        assertThat(notices(viewer, "SUBSCRIPTION_EXPIRING")).isEqualTo(1);
    }
}
