package com.thewans.identity.account;

import static com.thewans.identity.IdentityApi.PASSWORD;
import static com.thewans.identity.IdentityApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.thewans.identity.IdentityTestSupport;

class PasswordChangeTest extends IdentityTestSupport {

    private static final String NEW_PASSWORD = "Sing-sing-Goroka-2027";

    @Test
    void changingThePasswordKeepsThisSessionAndSignsOutTheOthers() {
        String email = api.registerEmail();
        var here = api.login(email);
        var elsewhere = api.login(email);

        var changed = api.post("/api/auth/password",
                map("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD), here);

        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertThat(api.get("/api/auth/verify", here).status()).isEqualTo(200);
        assertThat(api.get("/api/auth/verify", elsewhere).status()).isEqualTo(401);
        assertThat(api.tryLogin(map("email", email, "password", PASSWORD)).status()).isEqualTo(401);
        assertThat(api.tryLogin(map("email", email, "password", NEW_PASSWORD)).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'identity.password_changed'"
                + " and target = ?", Integer.class, here.userId().toString())).isEqualTo(1);
    }

    @Test
    void theCurrentPasswordMustBeRightAndTheNewOneStrong() {
        String email = api.registerEmail();
        var tokens = api.login(email);

        var wrong = api.post("/api/auth/password",
                map("currentPassword", "Not-my-password-1", "newPassword", NEW_PASSWORD), tokens);
        var weak = api.post("/api/auth/password", map("currentPassword", PASSWORD, "newPassword", "qwertyuiop"),
                tokens);

        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.json().get("code").asString()).isEqualTo("wrong-password");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("code").asString()).isEqualTo("weak-password");
        assertThat(api.tryLogin(map("email", email, "password", PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void guessingTheCurrentPasswordWithAStolenTokenIsThrottledLikeSigningIn() {
        String email = api.registerEmail();
        var stolen = api.login(email);
        for (int i = 0; i < 5; i++) {
            var wrong = api.post("/api/auth/password",
                    map("currentPassword", "Guess-number-" + i, "newPassword", NEW_PASSWORD), stolen);
            assertThat(wrong.status()).as(wrong.body()).isEqualTo(403);
        }

        // locked now, even for the right password, and the lock covers signing in to the account too
        var locked = api.post("/api/auth/password", map("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD),
                stolen);
        assertThat(locked.status()).as(locked.body()).isEqualTo(429);
        assertThat(locked.json().get("code").asString()).isEqualTo("too-many-sign-in-attempts");
        assertThat(locked.header("Retry-After")).isNotBlank();
        assertThat(api.fromAnotherAddress().tryLogin(map("email", email, "password", PASSWORD)).status())
                .isEqualTo(429);
    }
}
