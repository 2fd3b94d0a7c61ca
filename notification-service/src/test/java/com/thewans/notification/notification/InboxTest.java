package com.thewans.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.notification.NotificationTestSupport;
import com.thewans.testkit.TestHttp;
import com.thewans.testkit.TestTokens;

import tools.jackson.databind.JsonNode;

class InboxTest extends NotificationTestSupport {

    private JsonNode inboxOf(UUID user, String token) {
        TestHttp.Response page = get("/api/notify/user/" + user, token);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json();
    }

    private UUID welcomed(UUID user) {
        publish("identity.user_registered", Map.of("userId", user.toString(), "registeredWith", "WALLET"));
        await().atMost(Duration.ofSeconds(20)).until(() -> inboxOf(user, TestTokens.viewer(user)).get("totalItems")
                .asLong() == 1);
        return UUID.fromString(inboxOf(user, TestTokens.viewer(user)).get("items").get(0).get("id").asString());
    }

    @Test
    void aNewUserFindsAWelcomeInTheirInboxUnread() {
        UUID user = UUID.randomUUID();
        welcomed(user);

        JsonNode inbox = inboxOf(user, TestTokens.viewer(user));
        assertThat(inbox.get("unreadCount").asLong()).isEqualTo(1);
        JsonNode item = inbox.get("items").get(0);
        assertThat(item.get("type").asString()).isEqualTo("WELCOME");
        assertThat(item.get("title").asString()).isEqualTo("Welcome to THE WANS");
        assertThat(item.get("readAt").isNull()).isTrue();
        // a wallet gives no address: the welcome is the inbox's alone
        assertThat(deliveriesOf(user)).extracting(d -> d.get("channel")).containsExactly("INBOX");
    }

    @Test
    void markingReadLowersTheUnreadCountOnce() {
        UUID user = UUID.randomUUID();
        UUID id = welcomed(user);

        TestHttp.Response read = send("PATCH", "/api/notify/" + id + "/read", null, TestTokens.viewer(user));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        String readAt = read.json().get("readAt").asString();
        clock.advance(Duration.ofMinutes(5));
        assertThat(send("PATCH", "/api/notify/" + id + "/read", null, TestTokens.viewer(user)).json()
                .get("readAt").asString()).isEqualTo(readAt);

        assertThat(get("/api/notify/user/" + user + "/unread-count", TestTokens.viewer(user)).json()
                .get("unreadCount").asLong()).isZero();
        assertThat(get("/api/notify/user/" + user + "?unread=true", TestTokens.viewer(user)).json()
                .get("totalItems").asLong()).isZero();
    }

    @Test
    void markAllReadEmptiesTheUnreadList() {
        UUID user = UUID.randomUUID();
        welcomed(user);

        assertThat(post("/api/notify/user/" + user + "/read-all", null, TestTokens.viewer(user)).json()
                .get("marked").asInt()).isEqualTo(1);
        assertThat(inboxOf(user, TestTokens.viewer(user)).get("unreadCount").asLong()).isZero();
    }

    @Test
    void aUserCannotReadOrMarkAnotherUsersInbox() {
        UUID owner = UUID.randomUUID();
        UUID id = welcomed(owner);
        String stranger = TestTokens.viewer(UUID.randomUUID());

        assertProblem(get("/api/notify/user/" + owner, stranger), 403, "inbox-of-another-user");
        assertProblem(post("/api/notify/user/" + owner + "/read-all", null, stranger), 403, "inbox-of-another-user");
        assertProblem(send("PATCH", "/api/notify/" + id + "/read", null, stranger), 404, "notification-not-found");
        assertThat(inboxOf(owner, TestTokens.viewer(owner)).get("unreadCount").asLong()).isEqualTo(1);
    }

    @Test
    void adminsReadAnyInbox() {
        UUID owner = UUID.randomUUID();
        welcomed(owner);

        assertThat(inboxOf(owner, admin).get("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void pagesAreBounded() {
        UUID user = UUID.randomUUID();
        assertProblem(get("/api/notify/user/" + user + "?size=1000", TestTokens.viewer(user)), 400,
                "validation-failed");
        assertProblem(get("/api/notify/user/" + user, null), 401, "unauthorized");
    }
}
