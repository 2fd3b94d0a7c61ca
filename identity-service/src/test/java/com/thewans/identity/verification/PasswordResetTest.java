package com.thewans.identity.verification;

import static com.thewans.identity.IdentityApi.PASSWORD;
import static com.thewans.identity.IdentityApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.identity.IdentityApi;
import com.thewans.identity.IdentityTestSupport;

class PasswordResetTest extends IdentityTestSupport {

    private static final String REQUESTED = "identity.password_reset_requested";
    private static final String NEW_PASSWORD = "Bilum-weaving-2027";

    @Test
    void aResetRequestLooksTheSameWhetherOrNotTheAccountExists() {
        String known = api.registerEmail();
        String unknown = IdentityApi.uniqueEmail();

        var forKnown = api.post("/api/auth/password-reset/request", map("email", known));
        var forUnknown = api.post("/api/auth/password-reset/request", map("email", unknown));

        assertThat(forKnown.status()).isEqualTo(202);
        assertThat(forUnknown.status()).isEqualTo(202);
        assertThat(forKnown.body()).isEqualTo(forUnknown.body());
        assertThat(eventsAbout(REQUESTED, userIdOf(known))).hasSize(1);
        assertThat(jdbc.queryForObject("""
                select count(*) from outbox_event where type = ? and envelope -> 'data' ->> 'destination' = ?""",
                Integer.class, REQUESTED, unknown)).isZero();
    }

    @Test
    void resettingThePasswordWithTheCodeReplacesItAndEndsEverySession() {
        String email = api.registerEmail();
        var before = api.login(email);
        api.post("/api/auth/password-reset/request", map("email", email));
        String code = lastCodeSentTo(REQUESTED, email);

        var reset = api.post("/api/auth/password-reset/confirm",
                map("destination", email, "code", code, "newPassword", NEW_PASSWORD));

        assertThat(reset.status()).as(reset.body()).isEqualTo(204);
        assertThat(api.get("/api/auth/verify", before).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/refresh", map("refreshToken", before.refreshToken())).status()).isEqualTo(401);
        assertThat(api.tryLogin(map("email", email, "password", PASSWORD)).status()).isEqualTo(401);
        assertThat(api.tryLogin(map("email", email, "password", NEW_PASSWORD)).status()).isEqualTo(200);
        assertThat(api.post("/api/auth/password-reset/confirm",
                map("destination", email, "code", code, "newPassword", "Another-one-2028")).status())
                .as("the code is single use").isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'identity.password_reset'"
                + " and target = ?", Integer.class, userIdOf(email).toString())).isEqualTo(1);
    }

    @Test
    void aPhoneAccountResetsWithASixDigitSmsCode() {
        String phone = IdentityApi.uniquePhone();
        var registered = api.post("/api/auth/register", map("phone", phone, "password", PASSWORD));
        UUID userId = UUID.fromString(registered.json().get("id").asString());

        api.post("/api/auth/password-reset/request", map("phone", phone));
        var event = eventsAbout(REQUESTED, userId).get(0);

        assertThat(event.get("channel").asString()).isEqualTo("SMS");
        assertThat(event.get("code").asString()).matches("[0-9]{6}");
        assertThat(api.post("/api/auth/password-reset/confirm", map("destination", phone,
                "code", event.get("code").asString(), "newPassword", NEW_PASSWORD)).status()).isEqualTo(204);
        assertThat(api.tryLogin(map("phone", phone, "password", NEW_PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void aWeakNewPasswordIsRefusedWithoutSpendingTheCode() {
        String email = api.registerEmail();
        api.post("/api/auth/password-reset/request", map("email", email));
        String code = lastCodeSentTo(REQUESTED, email);

        var weak = api.post("/api/auth/password-reset/confirm",
                map("destination", email, "code", code, "newPassword", "password123"));

        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("code").asString()).isEqualTo("weak-password");
        assertThat(api.post("/api/auth/password-reset/confirm",
                map("destination", email, "code", code, "newPassword", NEW_PASSWORD)).status()).isEqualTo(204);
    }

    @Test
    void aWrongCodeChangesNothing() {
        String email = api.registerEmail();
        api.post("/api/auth/password-reset/request", map("email", email));

        var wrong = api.post("/api/auth/password-reset/confirm",
                map("destination", email, "code", "not-the-code", "newPassword", NEW_PASSWORD));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(api.tryLogin(map("email", email, "password", PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void resetRequestsAreQuietlyLimited() {
        String email = api.registerEmail();

        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/auth/password-reset/request", map("email", email)).status()).isEqualTo(202);
        }

        assertThat(eventsAbout(REQUESTED, userIdOf(email))).hasSize(3);
    }
}
