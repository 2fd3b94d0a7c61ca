package com.thewans.identity.login;

import static com.thewans.identity.IdentityApi.PASSWORD;
import static com.thewans.identity.IdentityApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.common.security.AccessTokenVerifier;
import com.thewans.common.security.CurrentUser;
import com.thewans.common.security.Role;
import com.thewans.testkit.TestTokens;
import com.thewans.identity.IdentityApi;
import com.thewans.identity.IdentityTestSupport;

import tools.jackson.databind.JsonNode;

class PasswordLoginTest extends IdentityTestSupport {

    @Test
    void signingInGivesAnAccessTokenTheCommonVerifierAcceptsWithThePlatformClaims() {
        String email = api.registerEmail();
        var tokens = api.login(email);

        String jwks = api.get("/.well-known/jwks.json").body();
        CurrentUser user = new AccessTokenVerifier(() -> jwks, TestTokens.ISSUER, TestTokens.AUDIENCE)
                .verify(tokens.accessToken());

        assertThat(user.userId()).isEqualTo(userIdOf(email)).isEqualTo(tokens.userId());
        assertThat(user.roles()).containsExactly(Role.VIEWER);
        assertThat(user.sessionId()).isEqualTo(tokens.sessionId());
        assertThat(user.tokenId()).isNotBlank();
        JsonNode header = part(tokens.accessToken(), 0);
        JsonNode claims = part(tokens.accessToken(), 1);
        assertThat(header.get("alg").asString()).isEqualTo("RS256");
        assertThat(header.get("kid").asString()).isNotBlank();
        assertThat(claims.get("iss").asString()).isEqualTo("https://thewans.com/identity");
        assertThat(claims.get("aud").toString()).contains("thewans-platform");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(15 * 60);
        assertThat(tokens.body().get("expiresIn").asLong()).isBetween(15 * 60L - 5, 15 * 60L);
        assertThat(tokens.body().get("tokenType").asString()).isEqualTo("Bearer");
    }

    @Test
    void tokenResponsesAreNeverCached() {
        String email = api.registerEmail();

        var login = api.tryLogin(map("email", email, "password", PASSWORD));
        var refresh = api.post("/api/auth/refresh", map("refreshToken", login.json().get("refreshToken").asString()));

        assertThat(login.header("Cache-Control")).contains("no-store");
        assertThat(refresh.header("Cache-Control")).contains("no-store");
    }

    @Test
    void identityAcceptsItsOwnAccessTokens() {
        var tokens = api.newViewer();

        var verified = api.get("/api/auth/verify", tokens);

        assertThat(verified.status()).as(verified.body()).isEqualTo(200);
        assertThat(verified.json().get("userId").asString()).isEqualTo(tokens.userId().toString());
        assertThat(verified.json().get("sessionId").asString()).isEqualTo(tokens.sessionId().toString());
        assertThat(verified.json().get("roles").toString()).isEqualTo("[\"VIEWER\"]");
    }

    @Test
    void aWrongPasswordAndAnUnknownAccountGetTheSameAnswer() {
        String email = api.registerEmail();

        var wrongPassword = api.tryLogin(map("email", email, "password", "Not-the-password-1"));
        var unknownAccount = api.tryLogin(map("email", IdentityApi.uniqueEmail(), "password", PASSWORD));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownAccount.status()).isEqualTo(401);
        assertThat(wrongPassword.json().get("code").asString()).isEqualTo("invalid-credentials");
        assertThat(unknownAccount.json().get("code").asString()).isEqualTo("invalid-credentials");
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownAccount.json().get("detail"));
        assertThat(wrongPassword.json().get("title")).isEqualTo(unknownAccount.json().get("title"));
    }

    @Test
    void theEmailIsMatchedWhateverItsCase() {
        String email = api.registerEmail();

        var login = api.tryLogin(map("email", email.toUpperCase(java.util.Locale.ROOT), "password", PASSWORD));

        assertThat(login.status()).as(login.body()).isEqualTo(200);
    }

    @Test
    void refreshTokensAreRandomAndStoredOnlyAsTheirHash() throws Exception {
        var tokens = api.newViewer();

        byte[] raw = Base64.getUrlDecoder().decode(tokens.refreshToken());
        assertThat(raw).hasSize(32);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(tokens.refreshToken().getBytes(StandardCharsets.UTF_8));
        assertThat(jdbc.queryForObject("select count(*) from refresh_tokens where token_hash = ?", Integer.class, hash))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from refresh_tokens where token_hash = ?", Integer.class,
                (Object) tokens.refreshToken().getBytes(StandardCharsets.UTF_8))).isZero();
    }

    @Test
    void signingInIsAudited() {
        var tokens = api.newViewer();

        Integer audited = jdbc.queryForObject(
                "select count(*) from audit_log where action = 'identity.signed_in' and target = ? and client_ip = ?",
                Integer.class, tokens.userId().toString(), api.clientAddress());

        assertThat(audited).isEqualTo(1);
    }

    @Test
    void aMissingPasswordOrAnUnknownDeviceTypeIsABadRequest() {
        var noPassword = api.tryLogin(map("email", IdentityApi.uniqueEmail()));
        assertThat(noPassword.status()).isEqualTo(400);
        assertThat(noPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");

        var badType = api.tryLogin(map("email", IdentityApi.uniqueEmail(), "password", PASSWORD,
                "deviceType", "fridge"));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().get("errors").get(0).get("field").asString()).isEqualTo("deviceType");
        assertThat(badType.json().get("errors").get(0).get("message").asString()).contains("web", "mobile", "tv");

        var both = api.tryLogin(map("email", IdentityApi.uniqueEmail(), "phone", IdentityApi.uniquePhone(),
                "password", PASSWORD));
        assertThat(both.status()).isEqualTo(400);
    }

    @Test
    void aTokenFromTheTestIssuerIsStillRefusedWhenForged() {
        var forged = api.get("/api/auth/verify", "Authorization", "Bearer " + TestTokens.builder(UUID.randomUUID(),
                Role.ADMIN).header().keyId("../../etc/passwd").and().compact());

        assertThat(forged.status()).isEqualTo(401);
    }

    private static JsonNode part(String jwt, int index) {
        return IdentityApi.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
    }
}
