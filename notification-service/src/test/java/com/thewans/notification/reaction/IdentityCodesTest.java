package com.thewans.notification.reaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.thewans.notification.NotificationTestSupport;
import com.thewans.testkit.TestTokens;

class IdentityCodesTest extends NotificationTestSupport {

    /** What identity sends for an email: a long token, meant to be clicked. */
    private static final String TOKEN = "HOgKAGyN8XWVw2vDzjH0vJhtbWwoy_36zP-9QOWSwDs";

    @Test
    void aVerificationCodeArrivesByEmailAsALinkWithATextAndAnHtmlPart() throws Exception {
        UUID user = UUID.randomUUID();
        String address = email();

        verificationByEmail(user, address, TOKEN);

        MimeMessage mail = awaitMail(address);
        assertThat(mail.getSubject()).isEqualTo("Confirm your email for THE WANS");
        Parts parts = parts(mail);
        String link = "http://localhost:3000/verify?destination=" + address.replace("@", "%40") + "&code=" + TOKEN;
        assertThat(parts.text()).contains(link).contains("It works for 15 minutes. Or enter this code: " + TOKEN);
        // HTML-escaped as Mustache escapes an attribute (& and = as entities), which browsers read back
        assertThat(parts.html()).contains("href=\"" + link.replace("&", "&amp;").replace("=", "&#x3D;") + "\"");
        assertThat(mail.getFrom()[0].toString()).contains("no-reply@thewans.local");
        assertThat(mail.getHeader("Message-ID")[0]).endsWith("@thewans.local>");
        assertThat(mail.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("en");
        // a code is not marketing: nothing to unsubscribe from
        assertThat(mail.getHeader("List-Unsubscribe")).isNull();
    }

    @Test
    void aTokPisinSpeakerGetsTheCodeInTokPisin() throws Exception {
        UUID user = UUID.randomUUID();
        String address = email();
        assertThat(put("/api/notify/preferences", """
                {"language":"tpi","timeZone":"Pacific/Port_Moresby","channels":[]}""", TestTokens.viewer(user))
                .status()).isEqualTo(200);

        verificationByEmail(user, address, TOKEN);

        MimeMessage mail = awaitMail(address);
        assertThat(mail.getSubject()).isEqualTo("Pruvim imel bilong yu long THE WANS");
        assertThat(parts(mail).text()).contains("Opim dispela link long pruvim imel adres bilong yu:")
                .contains("Em i wok inap 15 minit. O raitim dispela kod: " + TOKEN);
        assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("tpi");
    }

    @Test
    void aResetLinkValidForADaySaysHours() throws Exception {
        UUID user = UUID.randomUUID();
        String address = email();

        publish("identity.password_reset_requested", Map.of("userId", user.toString(), "channel", "EMAIL",
                "destination", address, "code", TOKEN, "expiresAt", clock.instant().plusSeconds(86_400).toString()));

        MimeMessage mail = awaitMail(address);
        assertThat(mail.getSubject()).isEqualTo("Reset your THE WANS password");
        assertThat(parts(mail).text()).contains("http://localhost:3000/reset-password?destination=")
                .contains("It works for 24 hours.");
    }

    @Test
    void aPhoneCodeArrivesByTextMessage() {
        UUID user = UUID.randomUUID();
        String phone = "+6757" + (1000000 + (int) (Math.random() * 8_999_999));

        publish("identity.verification_requested", Map.of("userId", user.toString(), "channel", "SMS",
                "destination", phone, "code", "731204", "expiresAt", clock.instant().plusSeconds(600).toString()));

        await().atMost(Duration.ofSeconds(20)).until(() -> !SMS.messagesTo(phone).isEmpty());
        assertThat(SMS.messagesTo(phone).get(0).body()).isEqualTo("THE WANS code: 731204 (valid 10 min). Never share it.");
        assertThat(SMS.messagesTo(phone).get(0).from()).isEqualTo("WANS");
    }

    @Test
    void aRedeliveredCodeEventSendsOneMessage() {
        UUID user = UUID.randomUUID();
        String address = email();
        UUID eventId = UUID.randomUUID();
        Map<String, Object> data = Map.of("userId", user.toString(), "channel", "EMAIL", "destination", address,
                "code", "111222", "expiresAt", clock.instant().plusSeconds(900).toString());

        publish("identity.password_reset_requested", eventId, data);
        publish("identity.password_reset_requested", eventId, data);
        publish("identity.password_reset_requested", UUID.randomUUID(), Map.of("userId", user.toString(),
                "channel", "EMAIL", "destination", address, "code", "333444",
                "expiresAt", clock.instant().plusSeconds(900).toString()));

        awaitMails(address, 2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> MAIL.to(address).size() == 2);
        assertThat(jdbc.queryForObject("select count(*) from notifications where user_id = ?", Long.class, user))
                .isEqualTo(2);
    }

    @Test
    void codesIgnoreQuietHoursAndTurnedOffEmail() throws Exception {
        UUID user = UUID.randomUUID();
        String address = email();
        // quiet all day long and every account email turned off: a sign-in code still goes at once
        assertThat(put("/api/notify/preferences", """
                {"language":"en","timeZone":"Pacific/Port_Moresby","quietHours":{"from":"00:00","until":"23:59"},
                 "channels":[{"category":"ACCOUNT","channel":"EMAIL","enabled":false}]}""", TestTokens.viewer(user))
                .status()).isEqualTo(200);

        verificationByEmail(user, address, "808080");

        assertThat(parts(awaitMail(address)).text()).contains("808080");
    }

    @Test
    void theCodeIsNotKeptInTheNotificationsData() {
        UUID user = UUID.randomUUID();
        String address = email();
        verificationByEmail(user, address, "565656");
        awaitMail(address);
        assertThat(jdbc.queryForObject("select data::text from notifications where user_id = ?", String.class, user))
                .doesNotContain("565656");
    }
}
