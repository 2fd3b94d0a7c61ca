package com.thewans.notification.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.notification.NotificationTestSupport;

class SubscriptionEndingTest extends NotificationTestSupport {

    @Autowired
    SubscriptionEndingWarnings warnings;

    private long expiringNotices(UUID viewer) {
        return jdbc.queryForObject("select count(*) from notifications where user_id = ? and type = 'SUBSCRIPTION_EXPIRING'",
                Long.class, viewer);
    }

    @Test
    void aCancelledSubscriptionIsWarnedOfThreeDaysBeforeItEndsAndOnlyOnce() {
        UUID viewer = UUID.randomUUID();
        String subscription = UUID.randomUUID().toString();
        publish("subscription.cancelled", Map.of("subscriptionId", subscription, "userId", viewer.toString(),
                "plan", "premium-monthly", "status", "ACTIVE", "cancelAtPeriodEnd", true,
                "currentPeriodEnd", clock.instant().plus(Duration.ofDays(10)).toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from subscription_endings where user_id = ?", Long.class, viewer) == 1);

        warnings.warnDue();
        assertThat(expiringNotices(viewer)).isZero();

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        warnings.warnDue();
        warnings.warnDue();
        assertThat(expiringNotices(viewer)).isEqualTo(1);
    }

    @Test
    void aRenewalForgetsTheEnding() {
        UUID viewer = UUID.randomUUID();
        String subscription = UUID.randomUUID().toString();
        Map<String, Object> data = Map.of("subscriptionId", subscription, "userId", viewer.toString(),
                "plan", "premium-monthly", "status", "ACTIVE", "cancelAtPeriodEnd", true,
                "currentPeriodEnd", clock.instant().plus(Duration.ofDays(2)).toString());
        publish("subscription.cancelled", data);
        publish("subscription.renewed", data);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from notifications where user_id = ? and type = 'SUBSCRIPTION_RENEWED'", Long.class,
                viewer) == 1);

        warnings.warnDue();
        assertThat(expiringNotices(viewer)).isZero();
    }
}
