package com.thewans.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.thewans.testkit.TestHttp;

/**
 * A viewer's whole sign-in life through the running gateway and identity-service: every token is a
 * real one from identity, checked by the gateway against identity's published keys.
 */
@Order(2)
@ExtendWith(RunningPlatform.class)
class SignInSystemTest {

    static TestHttp gateway;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
    }

    private static void assertProblem(TestHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).as(response.body()).isEqualTo(code);
    }

    @Test
    void registerSignInRefreshAndSignOut() {
        Visitor visitor = new Visitor(gateway);
        String email = visitor.register(Visitor.uniqueEmail("kila"));
        Visitor.Session first = visitor.login(email);

        assertProblem(visitor.get("/api/profile", null), 401, "unauthorized");
        var profile = visitor.get("/api/profile", first);
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        assertThat(profile.header("X-Request-Id")).matches("[0-9a-f-]{36}");

        var refreshed = visitor.send("POST", "/api/auth/refresh", Map.of("refreshToken", first.refreshToken()), null);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        Visitor.Session second = Visitor.session(refreshed);
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.sessionId()).isEqualTo(first.sessionId());
        assertThat(visitor.get("/api/profile", second).status()).isEqualTo(200);

        // a stolen, already used refresh token comes back: the whole session dies
        assertProblem(visitor.send("POST", "/api/auth/refresh", Map.of("refreshToken", first.refreshToken()), null),
                401, "refresh-token-reused");
        assertThat(visitor.send("POST", "/api/auth/refresh", Map.of("refreshToken", second.refreshToken()), null)
                .status()).isEqualTo(401);
        var deadSession = visitor.get("/api/profile", second);
        assertProblem(deadSession, 401, "invalid-token");
        assertThat(deadSession.json().get("service").asString())
                .as("refused at the front door, not by identity").isEqualTo("gateway");

        // sign in again, sign out, and the access token is refused everywhere at once
        Visitor.Session third = visitor.login(email);
        assertThat(visitor.get("/api/entitlements/mine", third).status()).isNotIn(401, 403);
        var logout = visitor.send("POST", "/api/auth/logout", Map.of(), third);
        assertThat(logout.status()).as(logout.body()).isIn(200, 204);
        var afterLogout = visitor.get("/api/profile", third);
        assertProblem(afterLogout, 401, "invalid-token");
        assertThat(afterLogout.json().get("detail").asString()).contains("signed out");
        assertProblem(visitor.get("/api/entitlements/mine", third), 401, "invalid-token");
    }

    @Test
    void aViewerIsRefusedOnAdministrationAndTheAdministratorIsNot() {
        Visitor visitor = new Visitor(gateway);
        Visitor.Session viewer = visitor.newViewer();
        var refused = visitor.get("/api/auth/admin/users", viewer);
        assertProblem(refused, 403, "forbidden");
        assertThat(refused.json().get("service").asString()).isEqualTo("gateway");

        var list = visitor.get("/api/auth/admin/users?size=5", visitor.admin());
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().get("items").size()).isPositive();
    }

    @Test
    void aTamperedTokenIsRefused() {
        Visitor visitor = new Visitor(gateway);
        Visitor.Session viewer = visitor.newViewer();
        String[] parts = viewer.accessToken().split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.replace("\"VIEWER\"", "\"ADMIN\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(promoted).isNotEqualTo(viewer.accessToken());

        assertProblem(gateway.get("/api/auth/admin/users", "Authorization", "Bearer " + promoted), 401,
                "invalid-token");
        assertProblem(gateway.get("/api/profile", "Authorization", "Bearer " + promoted), 401, "invalid-token");
    }

    @Test
    void guessingPasswordsFromOneAddressHitsTheRateLimit() {
        // a different account each time: identity's own per-account lock (five failures) stays out of it,
        // and the gateway's per-address bucket (ten quick tries) is what stops the guessing
        Visitor guesser = new Visitor(gateway);
        TestHttp.Response last = null;
        for (int i = 0; i < 15; i++) {
            last = guesser.tryLogin(Visitor.uniqueEmail("guess"), "Wrong-password-" + i);
            if (last.status() == 429) {
                break;
            }
            assertThat(last.status()).as(last.body()).isIn(401, 429);
        }
        assertProblem(last, 429, "too-many-requests");
        assertThat(last.json().get("service").asString()).isEqualTo("gateway");
        assertThat(Integer.parseInt(last.header("Retry-After"))).isPositive();

        // someone else, elsewhere, signs in normally
        Visitor other = new Visitor(gateway);
        other.login(other.register(Visitor.uniqueEmail("neighbour")));
    }
}
