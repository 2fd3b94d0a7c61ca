package com.thewans.notification;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.thewans.common.events.EventLog;
import com.thewans.common.security.Role;
import com.thewans.sandbox.SmsSandbox;
import com.thewans.testkit.MovableClock;
import com.thewans.testkit.ServiceTestSupport;
import com.thewans.testkit.TestTokens;
import com.thewans.testkit.WansServiceTest;

/**
 * notification-service on a random port against real PostgreSQL and Redis, a real SMTP server in
 * the JVM (GreenMail) and the SMS sandbox as the SMS provider; time movable, so retries and digests
 * come due without waiting.
 */
@WansServiceTest(properties = {
        "wans.notification.delivery.poll-interval=100ms",
        "wans.notification.delivery.first-retry=10s",
        "wans.notification.delivery.max-attempts=4",
        "wans.notification.digest.enabled=false",
        "spring.mail.properties.mail.smtp.connectiontimeout=1000",
        "spring.mail.properties.mail.smtp.timeout=2000",
        "spring.mail.properties.mail.smtp.writetimeout=2000"})
@Import(MovableClock.Config.class)
public abstract class NotificationTestSupport extends ServiceTestSupport {

    protected static final MailServer MAIL = MailServer.get();
    protected static final SmsSandbox SMS = SmsSandbox.start();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", MAIL::port);
        registry.add("wans.notification.sms.base-url", SMS::url);
        registry.add("wans.notification.sms.account-sid", () -> SMS.settings().accountSid());
        registry.add("wans.notification.sms.auth-token", () -> SMS.settings().authToken());
    }

    @Autowired
    protected EventLog eventLog;

    @Autowired
    protected MovableClock clock;

    protected final UUID adminId = UUID.randomUUID();
    protected String admin;
    protected Instant now;

    @BeforeEach
    void startClean() {
        MAIL.start();
        admin = TestTokens.admin(adminId);
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
    }

    protected static String serviceToken() {
        return TestTokens.forUser(UUID.randomUUID(), Role.SERVICE);
    }

    protected static String email() {
        return "viewer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** Appends an event to its stream as its producer's relay would; the consumer handles it. */
    protected void publish(String type, UUID eventId, Map<String, ?> data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId.toString());
        envelope.put("type", type);
        envelope.put("occurredAt", clock.instant().toString());
        envelope.put("producer", type.startsWith("identity") ? "identity-service" : "some-service");
        envelope.put("version", 1);
        envelope.put("data", data);
        eventLog.append(type, eventId.toString(), JSON.writeValueAsString(envelope));
    }

    protected UUID publish(String type, Map<String, ?> data) {
        UUID id = UUID.randomUUID();
        publish(type, id, data);
        return id;
    }

    /** identity's verification code for a user's email, which also tells this service the address. */
    protected void verificationByEmail(UUID userId, String email, String code) {
        publish("identity.verification_requested", Map.of("userId", userId.toString(), "channel", "EMAIL",
                "destination", email, "code", code, "expiresAt", clock.instant().plus(Duration.ofMinutes(15)).toString()));
    }

    protected MimeMessage awaitMail(String address) {
        return awaitMails(address, 1).get(0);
    }

    protected List<MimeMessage> awaitMails(String address, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> MAIL.to(address).size() >= count);
        return MAIL.to(address);
    }

    protected List<Map<String, Object>> deliveriesOf(UUID userId) {
        return jdbc.queryForList("""
                select d.channel, d.state, d.attempts, d.last_error, d.next_attempt_at, n.type
                from deliveries d join notifications n on n.id = d.notification_id
                where d.user_id = ? order by d.created_at, d.channel""", userId);
    }

    protected String stateOf(UUID userId, String type, String channel) {
        List<String> states = jdbc.queryForList("""
                select d.state from deliveries d join notifications n on n.id = d.notification_id
                where d.user_id = ? and n.type = ? and d.channel = ?""", String.class, userId, type, channel);
        return states.isEmpty() ? null : states.get(0);
    }

    /** The plain-text and the HTML part of the message, wherever they sit in its multipart tree. */
    protected static Parts parts(MimeMessage message) throws Exception {
        String[] found = new String[2];
        collect(message.getContent(), found);
        return new Parts(found[0], found[1]);
    }

    private static void collect(Object content, String[] found) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    found[0] = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    found[1] = (String) part.getContent();
                } else {
                    collect(part.getContent(), found);
                }
            }
        }
    }

    protected record Parts(String text, String html) {
    }

    protected static String raw(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
