package com.thewans.notification.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import java.util.List;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import com.thewans.notification.NotificationTestSupport;
import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;

import tools.jackson.databind.JsonNode;

class SendTest extends NotificationTestSupport {

    private static final String ALERT = """
            {"type":"SYSTEM_ALERT","userId":"%s","channels":["EMAIL","INBOX"],
             "variables":{"title":"New sign-in","message":"Your account was used on a new device."}}""";

    private long notificationsOf(UUID user) {
        return jdbc.queryForObject("select count(*) from notifications where user_id = ?", Long.class, user);
    }

    /** Users this test alone puts in a made-up territory, so a segment of it is exactly them. */
    private List<UUID> usersIn(String territory, String language, int count) {
        List<UUID> users = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID user = UUID.randomUUID();
            put("/api/notify/preferences", """
                    {"language":"%s","timeZone":"Pacific/Port_Moresby","territory":"%s","channels":[]}"""
                    .formatted(language, territory), TestTokens.viewer(user));
            users.add(user);
        }
        return users;
    }

    private static final java.util.concurrent.atomic.AtomicInteger TERRITORIES = new java.util.concurrent.atomic.AtomicInteger();

    /** A territory code no other test uses (X then a letter), so its segment holds only this test's users. */
    private static String territory() {
        return "X" + (char) ('A' + TERRITORIES.getAndIncrement());
    }

    @Test
    void aServiceSendsOneUserAnAlertByEmailAndInbox() throws Exception {
        String address = email();
        UUID user = UUID.randomUUID();
        verificationByEmail(user, address, "111111");
        awaitMail(address);

        TestHttp.Response sent = post("/api/notify/send", ALERT.formatted(user), serviceToken());

        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json().get("recipients").asLong()).isEqualTo(1);
        MimeMessage alert = awaitMails(address, 2).get(1);
        assertThat(alert.getSubject()).isEqualTo("New sign-in");
        assertThat(parts(alert).text()).isEqualTo("Your account was used on a new device.");
        assertThat(get("/api/notify/user/" + user, TestTokens.viewer(user)).json().get("unreadCount").asLong())
                .isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeySendsNothingTwice() {
        UUID user = UUID.randomUUID();
        String service = serviceToken();

        TestHttp.Response first = post("/api/notify/send", ALERT.formatted(user), service, "Idempotency-Key", "k-1");
        TestHttp.Response again = post("/api/notify/send", ALERT.formatted(user), service, "Idempotency-Key", "k-1");

        assertThat(first.status()).as(first.body()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().get("notificationId").asString()).isEqualTo(first.json().get("notificationId").asString());
        assertThat(notificationsOf(user)).isEqualTo(1);
        assertProblem(post("/api/notify/send", ALERT.formatted(UUID.randomUUID()), service, "Idempotency-Key", "k-1"),
                422, "idempotency-key-reused");
    }

    @Test
    void anAdminAnnouncesToATerritoryInEachUsersLanguage() {
        String territory = territory();
        List<UUID> english = usersIn(territory, "en", 3);
        List<UUID> tokPisin = usersIn(territory, "tpi", 2);
        usersIn(territory(), "en", 1);

        TestHttp.Response sent = post("/api/notify/send", """
                {"type":"ANNOUNCEMENT","segment":{"territory":"%s"},
                 "variables":{"title":"Festival week","message":"Free films all week."}}""".formatted(territory), admin,
                "Idempotency-Key", UUID.randomUUID().toString());

        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json().get("recipients").asLong()).isEqualTo(5);
        JsonNode done = awaitDone(sent.json().get("sendId").asString());
        assertThat(done.get("told").asLong()).isEqualTo(5);
        for (UUID user : english) {
            assertThat(get("/api/notify/user/" + user, TestTokens.viewer(user)).json().get("items").get(0)
                    .get("title").asString()).isEqualTo("Festival week");
        }
        for (UUID user : tokPisin) {
            assertThat(notificationsOf(user)).isEqualTo(1);
        }
    }

    @Test
    void aRepeatedAnnouncementTellsNobodyTwiceEvenAfterItsAnswerWasLost() {
        String territory = territory();
        List<UUID> users = usersIn(territory, "en", 3);
        String body = """
                {"type":"ANNOUNCEMENT","segment":{"territory":"%s"},
                 "variables":{"title":"Once","message":"Only once."}}""".formatted(territory);
        String key = UUID.randomUUID().toString();
        TestHttp.Response first = post("/api/notify/send", body, admin, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(202);
        awaitDone(first.json().get("sendId").asString());
        // the kept answer is lost (as if the instance died before storing it): the work itself is keyed too
        jdbc.update("delete from idempotent_request where idem_key = ?", key);

        TestHttp.Response again = post("/api/notify/send", body, admin, "Idempotency-Key", key);

        assertThat(again.json().get("sendId").asString()).isEqualTo(first.json().get("sendId").asString());
        for (UUID user : users) {
            assertThat(notificationsOf(user)).isEqualTo(1);
        }
    }

    @Test
    void aSegmentLargerThanABatchIsToldInFullInTheBackground() {
        String territory = territory();
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            rows.add(new Object[] {UUID.randomUUID(), territory});
        }
        jdbc.batchUpdate("insert into contacts (user_id, territory, updated_at) values (?, ?, now())", rows);

        TestHttp.Response sent = post("/api/notify/send", """
                {"type":"ANNOUNCEMENT","segment":{"territory":"%s"},"channels":["INBOX"],
                 "variables":{"title":"Big night","message":"Premiere tonight."}}""".formatted(territory), admin);

        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        assertThat(sent.json().get("recipients").asLong()).isEqualTo(2500);
        JsonNode done = awaitDone(sent.json().get("sendId").asString());
        assertThat(done.get("told").asLong()).isEqualTo(2500);
        assertThat(jdbc.queryForObject("""
                select count(*) from deliveries d join contacts c on c.user_id = d.user_id
                where c.territory = ? and d.channel = 'INBOX' and d.state = 'SENT'""", Long.class, territory))
                .isEqualTo(2500);
        assertProblem(get("/api/notify/sends/" + UUID.randomUUID(), admin), 404, "send-not-found");
    }

    private JsonNode awaitDone(String sendId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> get("/api/notify/sends/" + sendId, admin).json(),
                view -> "DONE".equals(view.get("state").asString()));
    }

    @Test
    void badRequestsAreClearProblems() {
        UUID user = UUID.randomUUID();
        assertProblem(post("/api/notify/send", """
                {"type":"SYSTEM_ALERT","userId":"%s","variables":{"title":"No message"}}""".formatted(user), admin),
                400, "template-variable-missing");
        assertProblem(post("/api/notify/send", """
                {"type":"SYSTEM_ALERT","userId":"%s","variables":{"title":"Empty","message":"   "}}""".formatted(user),
                admin), 400, "validation-failed");
        assertProblem(post("/api/notify/send", """
                {"type":"SYSTEM_ALERT","userId":"%s","variables":{"title":"Big","message":"%s"}}"""
                .formatted(user, "x".repeat(5001)), admin), 400, "validation-failed");
        assertProblem(post("/api/notify/send", """
                {"type":"SYSTEM_ALERT","userId":"%s","channels":["SMS"],"variables":{"title":"Long","message":"%s"}}"""
                .formatted(user, "x".repeat(1700)), admin), 400, "validation-failed");
        assertProblem(post("/api/notify/send", """
                {"type":"WELCOME","userId":"%s","channels":["SMS"],"variables":{"x":"y"}}""".formatted(user), admin),
                422, "template-not-found");
        assertProblem(post("/api/notify/send", """
                {"type":"VERIFICATION_CODE","userId":"%s","variables":{"code":"123456"}}""".formatted(user), admin),
                422, "not-sent-on-request");
        assertProblem(post("/api/notify/send", """
                {"type":"ANNOUNCEMENT","segment":{"territory":"QQ"},"variables":{"title":"t","message":"m"}}""", admin),
                422, "segment-empty");
        assertProblem(post("/api/notify/send", """
                {"type":"ANNOUNCEMENT","segment":{"all":true},"variables":{"title":"t","message":"m"}}""",
                serviceToken()), 403, "segment-needs-admin");
        assertProblem(post("/api/notify/send", """
                {"type":"ANNOUNCEMENT","variables":{"title":"t","message":"m"}}""", admin), 400, "validation-failed");
        assertProblem(post("/api/notify/send", ALERT.formatted(user), TestTokens.viewer(user)), 403, "forbidden");
        assertThat(notificationsOf(user)).isZero();
    }
}
