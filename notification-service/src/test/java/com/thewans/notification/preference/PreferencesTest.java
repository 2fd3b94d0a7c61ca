package com.thewans.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.notification.NotificationTestSupport;
import com.thewans.notification.kind.Category;
import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;

import tools.jackson.databind.JsonNode;

class PreferencesTest extends NotificationTestSupport {

    private static final ZoneId PORT_MORESBY = ZoneId.of("Pacific/Port_Moresby");

    @Autowired
    UnsubscribeLinks links;

    /** A creator with a known address whose film failed to transcode: a non-critical CONTENT message. */
    private void filmFailedFor(UUID creator, String address) {
        verificationByEmail(creator, address, "000000");
        awaitMail(address);
        publish("transcode.failed", Map.of("jobId", UUID.randomUUID().toString(),
                "filmId", UUID.randomUUID().toString(), "creatorId", creator.toString(), "reason", "no video stream"));
    }

    @Test
    void everythingIsOnUntilTheUserSaysOtherwise() {
        UUID user = UUID.randomUUID();
        JsonNode mine = get("/api/notify/preferences", TestTokens.viewer(user)).json();

        assertThat(mine.get("language").asString()).isEqualTo("en");
        assertThat(mine.get("timeZone").asString()).isEqualTo("Pacific/Port_Moresby");
        assertThat(mine.get("channels")).allMatch(choice -> choice.get("enabled").asBoolean())
                .hasSize(Category.values().length * 3);
    }

    @Test
    void whatIsPutIsWhatIsRead() {
        UUID user = UUID.randomUUID();
        UUID creator = UUID.randomUUID();
        TestHttp.Response put = put("/api/notify/preferences", """
                {"language":"tpi","timeZone":"Pacific/Fiji","territory":"FJ","quietHours":{"from":"21:00","until":"07:00"},
                 "channels":[{"category":"PROMOTIONS","channel":"EMAIL","enabled":false}],
                 "follows":{"genres":["drama"],"creators":["%s"]}}""".formatted(creator), TestTokens.viewer(user));

        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode mine = get("/api/notify/preferences", TestTokens.viewer(user)).json();
        assertThat(mine.get("language").asString()).isEqualTo("tpi");
        assertThat(mine.get("quietHours").get("from").asString()).isEqualTo("21:00:00");
        assertThat(mine.get("follows").get("creators").get(0).asString()).isEqualTo(creator.toString());
        assertThat(mine.get("channels")).filteredOn(c -> !c.get("enabled").asBoolean()).hasSize(1);
    }

    @Test
    void badSettingsAreRefusedByName() {
        String viewer = TestTokens.viewer(UUID.randomUUID());
        assertProblem(put("/api/notify/preferences", """
                {"language":"en","timeZone":"Mars/Olympus","channels":[]}""", viewer), 400, "validation-failed");
        assertProblem(put("/api/notify/preferences", """
                {"language":"en","timeZone":"UTC","channels":[{"category":"GOSSIP","channel":"EMAIL","enabled":false}]}""",
                viewer), 400, "validation-failed");
        assertProblem(put("/api/notify/preferences", """
                {"language":"en","timeZone":"UTC","quietHours":{"from":"22:00"},"channels":[]}""", viewer), 400,
                "validation-failed");
    }

    @Test
    void aChannelTurnedOffSuppressesThatChannelOnly() {
        UUID creator = UUID.randomUUID();
        String address = email();
        put("/api/notify/preferences", """
                {"language":"en","timeZone":"Pacific/Port_Moresby",
                 "channels":[{"category":"CONTENT","channel":"EMAIL","enabled":false}]}""", TestTokens.viewer(creator));

        filmFailedFor(creator, address);

        await().atMost(Duration.ofSeconds(20)).until(() -> stateOf(creator, "FILM_FAILED", "INBOX") != null);
        assertThat(stateOf(creator, "FILM_FAILED", "EMAIL")).isEqualTo("SUPPRESSED");
        assertThat(stateOf(creator, "FILM_FAILED", "INBOX")).isEqualTo("SENT");
    }

    @Test
    void quietHoursHoldNonUrgentMailUntilTheyEnd() throws Exception {
        UUID creator = UUID.randomUUID();
        String address = email();
        // it is 23:00 in Port Moresby; quiet from 22:00 to 07:00
        Instant lateEvening = LocalDate.now(PORT_MORESBY).atTime(LocalTime.of(23, 0)).atZone(PORT_MORESBY).toInstant();
        clock.set(lateEvening);
        put("/api/notify/preferences", """
                {"language":"en","timeZone":"Pacific/Port_Moresby","quietHours":{"from":"22:00","until":"07:00"},
                 "channels":[]}""", TestTokens.viewer(creator));

        filmFailedFor(creator, address);

        await().atMost(Duration.ofSeconds(20)).until(() -> stateOf(creator, "FILM_FAILED", "EMAIL") != null);
        Timestamp due = jdbc.queryForObject("""
                select d.next_attempt_at from deliveries d join notifications n on n.id = d.notification_id
                where d.user_id = ? and n.type = 'FILM_FAILED' and d.channel = 'EMAIL'""", Timestamp.class, creator);
        assertThat(due.toInstant()).isEqualTo(lateEvening.plus(Duration.ofHours(8)));
        assertThat(MAIL.to(address)).hasSize(1); // only the code, which ignores quiet hours

        clock.set(lateEvening.plus(Duration.ofHours(8)));
        MimeMessage morning = awaitMails(address, 2).get(1);
        assertThat(morning.getSubject()).isEqualTo("Your film could not be transcoded");
    }

    @Test
    void anUnsubscribeLinkWorksWithOneClickAndNoSignIn() {
        UUID user = UUID.randomUUID();
        String url = links.url(user, Category.PROMOTIONS);
        String path = url.substring(url.indexOf("/api/"));

        TestHttp.Response page = get(path, null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\"");
        assertThat(get("/api/notify/preferences", TestTokens.viewer(user)).json().get("channels"))
                .allMatch(choice -> choice.get("enabled").asBoolean());

        TestHttp.Response unsubscribed = send("POST", path, "List-Unsubscribe=One-Click", null,
                "Content-Type", "application/x-www-form-urlencoded");

        assertThat(unsubscribed.status()).as(unsubscribed.body()).isEqualTo(200);
        assertThat(get("/api/notify/preferences", TestTokens.viewer(user)).json().get("channels"))
                .filteredOn(c -> !c.get("enabled").asBoolean())
                .singleElement().satisfies(c -> {
                    assertThat(c.get("category").asString()).isEqualTo("PROMOTIONS");
                    assertThat(c.get("channel").asString()).isEqualTo("EMAIL");
                });
    }

    @Test
    void aForgedUnsubscribeLinkChangesNothing() {
        UUID victim = UUID.randomUUID();
        String token = links.token(victim, Category.PROMOTIONS);
        String forged = token.substring(0, token.indexOf('.') + 1) + "AAAA" + token.substring(token.indexOf('.') + 5);
        String other = links.token(UUID.randomUUID(), Category.PROMOTIONS);
        String swapped = token.substring(0, token.indexOf('.')) + other.substring(other.indexOf('.'));

        assertProblem(send("POST", "/api/notify/unsubscribe?token=" + forged, null, null), 400,
                "unsubscribe-link-invalid");
        assertProblem(send("POST", "/api/notify/unsubscribe?token=" + swapped, null, null), 400,
                "unsubscribe-link-invalid");
        assertProblem(get("/api/notify/unsubscribe?token=nonsense", null), 400, "unsubscribe-link-invalid");
    }
}
