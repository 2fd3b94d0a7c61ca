package com.thewans.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.thewans.notification.NotificationTestSupport;
import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

class DeliveryRetryTest extends NotificationTestSupport {

    @AfterEach
    void serversBack() {
        MAIL.start();
        SMS.failNext(0, 503);
    }

    private Map<String, Object> delivery(UUID user, String channel) {
        return jdbc.queryForMap("select * from deliveries where user_id = ? and channel = ?", user, channel);
    }

    @Test
    void mailQueuedDuringAnSmtpOutageIsSentOnceWhenTheServerIsBack() throws Exception {
        UUID user = UUID.randomUUID();
        String address = email();
        MAIL.stop();

        verificationByEmail(user, address, "404404");

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var rows = jdbc.queryForList("select attempts from deliveries where user_id = ?", Integer.class, user);
            return !rows.isEmpty() && rows.get(0) >= 1
                    && delivery(user, "EMAIL").get("last_error") != null;
        });
        Map<String, Object> waiting = delivery(user, "EMAIL");
        assertThat(waiting.get("state")).isEqualTo("QUEUED");
        assertThat((String) waiting.get("last_error")).startsWith("SMTP server unreachable");

        MAIL.start();
        clock.advance(Duration.ofMinutes(2)); // past the first backoff (10 s, jittered)

        assertThat(parts(awaitMail(address)).text()).contains("404404");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(delivery(user, "EMAIL").get("state")));
        assertThat(MAIL.to(address)).hasSize(1);
        assertThat(jdbc.queryForList("select outcome from delivery_attempts where delivery_id = ? order by attempt",
                String.class, delivery(user, "EMAIL").get("id"))).containsExactly("RETRY", "SENT");
    }

    @Test
    void anSmsProviderOutageIsRetriedUntilTheTextGoesThrough() {
        UUID user = UUID.randomUUID();
        String phone = "+6757" + (1000000 + (int) (Math.random() * 8_999_999));
        SMS.failNext(1, 503);

        publish("identity.verification_requested", Map.of("userId", user.toString(), "channel", "SMS",
                "destination", phone, "code", "909090", "expiresAt", clock.instant().plusSeconds(600).toString()));

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var rows = jdbc.queryForList("select last_error from deliveries where user_id = ?", String.class, user);
            return !rows.isEmpty() && rows.get(0) != null;
        });
        assertThat((String) delivery(user, "SMS").get("last_error")).isEqualTo("SMS provider answered 503 (code 20500)");
        clock.advance(Duration.ofMinutes(2));

        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(delivery(user, "SMS").get("state")));
        assertThat(SMS.messagesTo(phone)).hasSize(1);
        assertThat((String) delivery(user, "SMS").get("provider_id")).startsWith("SM");
    }

    @Test
    void anAddressTheProviderRefusesFailsAtOnceAndAdminsSeeIt() {
        UUID user = UUID.randomUUID();

        publish("identity.verification_requested", Map.of("userId", user.toString(), "channel", "SMS",
                "destination", "+15005550001", "code", "121212", "expiresAt", clock.instant().plusSeconds(600).toString()));

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var rows = jdbc.queryForList("select state from deliveries where user_id = ?", String.class, user);
            return !rows.isEmpty() && rows.get(0).equals("FAILED");
        });
        assertThat(delivery(user, "SMS").get("attempts")).isEqualTo(1);

        TestHttp.Response failed = get("/api/notify/admin/deliveries?state=FAILED&channel=SMS&size=200", admin);
        assertThat(failed.status()).as(failed.body()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode item : failed.json().get("items")) {
            if (item.get("userId").asString().equals(user.toString())) {
                mine = item;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("lastError").asString()).isEqualTo("SMS provider answered 400 (code 21211)");
        assertThat(mine.get("type").asString()).isEqualTo("VERIFICATION_CODE");
        assertThat(get("/api/notify/admin/deliveries/" + mine.get("id").asString() + "/attempts", admin).json()
                .get(0).get("outcome").asString()).isEqualTo("FAILED");
    }

    @Test
    void anAdminSendsAFailedDeliveryAgain() {
        UUID user = UUID.randomUUID();
        publish("identity.verification_requested", Map.of("userId", user.toString(), "channel", "EMAIL",
                "destination", "not an address", "code", "343434",
                "expiresAt", clock.instant().plusSeconds(600).toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var rows = jdbc.queryForList("select state from deliveries where user_id = ?", String.class, user);
            return !rows.isEmpty() && rows.get(0).equals("FAILED");
        });
        UUID id = (UUID) delivery(user, "EMAIL").get("id");
        assertThat((String) delivery(user, "EMAIL").get("last_error")).startsWith("not a sendable message");

        assertThat(post("/api/notify/admin/deliveries/" + id + "/retry", null, admin).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> (Integer) delivery(user, "EMAIL").get("attempts") == 1
                && "FAILED".equals(delivery(user, "EMAIL").get("state")));
        assertProblem(post("/api/notify/admin/deliveries/" + UUID.randomUUID() + "/retry", null, admin), 404,
                "delivery-not-found");
    }

    @Test
    void textsBeyondTheHourlyAllowanceWaitForTheNextHour() {
        UUID user = UUID.randomUUID();
        String phone = "+6757" + (1000000 + (int) (Math.random() * 8_999_999));
        for (int i = 0; i < 11; i++) {
            publish("identity.verification_requested", Map.of("userId", user.toString(), "channel", "SMS",
                    "destination", phone, "code", String.valueOf(100000 + i),
                    "expiresAt", clock.instant().plusSeconds(600).toString()));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> SMS.messagesTo(phone).size() == 10
                && jdbc.queryForObject("select count(*) from deliveries where user_id = ? and state = 'QUEUED'"
                        + " and next_attempt_at > ?", Long.class, user, java.sql.Timestamp.from(clock.instant())) == 1);
        clock.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> SMS.messagesTo(phone).size() == 11);
    }
}
