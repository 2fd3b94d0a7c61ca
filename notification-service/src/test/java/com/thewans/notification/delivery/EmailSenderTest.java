package com.thewans.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.thewans.notification.NotificationSettings;
import com.thewans.notification.kind.Channel;

/** How EmailSender reads each way an SMTP server can fail, against servers that fail on purpose. */
class EmailSenderTest {

    private static final NotificationSettings SETTINGS = new NotificationSettings("THE WANS <no-reply@thewans.test>",
            "http://localhost:8080", "http://localhost:3000", "a-test-secret-of-enough-length", null, null, null);

    private static EmailSender senderTo(int port) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(port);
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "1000");
        properties.put("mail.smtp.timeout", "1000");
        mail.setJavaMailProperties(properties);
        return new EmailSender(mail, SETTINGS);
    }

    private static ClaimedDelivery to(String address) {
        return new ClaimedDelivery(UUID.randomUUID(), UUID.randomUUID(), Channel.EMAIL, address, "en", "Subject",
                "text", "<p>html</p>", null, 1);
    }

    private static Outcome only(Map<ClaimedDelivery, Outcome> outcomes) {
        assertThat(outcomes).hasSize(1);
        return outcomes.values().iterator().next();
    }

    @Test
    void aServerThatRefusesConnectionsIsTransient() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Outcome outcome = only(senderTo(closed).send(List.of(to("a@example.com"))));
        assertThat(outcome).isInstanceOf(Outcome.Transient.class);
        assertThat(((Outcome.Transient) outcome).error()).startsWith("SMTP server unreachable");
    }

    @Test
    void aServerThatNeverAnswersTimesOutTransiently() throws IOException {
        try (ScriptedSmtpServer silent = new ScriptedSmtpServer(new ScriptedSmtpServer.Script(null, null, null))) {
            Outcome outcome = only(senderTo(silent.port()).send(List.of(to("a@example.com"))));
            assertThat(outcome).isInstanceOf(Outcome.Transient.class);
        }
    }

    @Test
    void aServerBusyAtTheGreetingIsTransient() throws IOException {
        try (ScriptedSmtpServer busy = new ScriptedSmtpServer(
                new ScriptedSmtpServer.Script("421 4.3.2 too busy", null, null))) {
            assertThat(only(senderTo(busy.port()).send(List.of(to("a@example.com")))))
                    .isInstanceOf(Outcome.Transient.class);
        }
    }

    @Test
    void aRecipientRefusedWithA5xxIsPermanent() throws IOException {
        try (ScriptedSmtpServer strict = new ScriptedSmtpServer(
                new ScriptedSmtpServer.Script("220 ready", "550 5.1.1 no such user", "250 OK"))) {
            Outcome outcome = only(senderTo(strict.port()).send(List.of(to("nobody@example.com"))));
            assertThat(outcome).isInstanceOf(Outcome.Permanent.class);
            assertThat(((Outcome.Permanent) outcome).error()).contains("550");
        }
    }

    @Test
    void aRecipientDeferredWithA4xxIsTransient() throws IOException {
        try (ScriptedSmtpServer greylisting = new ScriptedSmtpServer(
                new ScriptedSmtpServer.Script("220 ready", "451 4.7.1 greylisted, try later", "250 OK"))) {
            Outcome outcome = only(senderTo(greylisting.port()).send(List.of(to("someone@example.com"))));
            assertThat(outcome).isInstanceOf(Outcome.Transient.class);
            assertThat(((Outcome.Transient) outcome).error()).contains("451");
        }
    }

    @Test
    void aMessageRefusedAfterDataWithA5xxIsPermanent() throws IOException {
        try (ScriptedSmtpServer spamFilter = new ScriptedSmtpServer(
                new ScriptedSmtpServer.Script("220 ready", "250 OK", "554 5.7.1 rejected as spam"))) {
            Outcome outcome = only(senderTo(spamFilter.port()).send(List.of(to("someone@example.com"))));
            assertThat(outcome).isInstanceOf(Outcome.Permanent.class);
            assertThat(((Outcome.Permanent) outcome).error()).contains("554");
        }
    }

    @Test
    void inOneBatchOnlyTheRefusedRecipientFails() throws IOException {
        try (ScriptedSmtpServer fine = new ScriptedSmtpServer(
                new ScriptedSmtpServer.Script("220 ready", "250 OK", "250 OK"))) {
            ClaimedDelivery good = to("good@example.com");
            ClaimedDelivery broken = to("not an address");
            Map<ClaimedDelivery, Outcome> outcomes = senderTo(fine.port()).send(List.of(good, broken));
            assertThat(outcomes.get(good)).isInstanceOf(Outcome.Sent.class);
            assertThat(outcomes.get(broken)).isInstanceOf(Outcome.Permanent.class);
            assertThat(fine.delivered()).isEqualTo(1);
        }
    }
}
