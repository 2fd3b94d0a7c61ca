package com.thewans.identity.serviceidentity;

import static com.thewans.identity.IdentityApi.map;
import static org.assertj.core.api.Assertions.assertThat;

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

class ServiceTokenTest extends IdentityTestSupport {

    private static final UUID PAYMENT_SERVICE = UUID.fromString("8ae58ad9-cf53-32c9-b6c0-99ef10dd4402");

    @Test
    void aConfiguredServiceGetsAShortLivedTokenWithTheServiceRoleAndItsOwnSubject() {
        var issued = api.post("/api/auth/service-token",
                map("clientId", "payment-service", "clientSecret", "dev-only-payment-service-secret"));

        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(issued.header("Cache-Control")).contains("no-store");
        String token = issued.json().get("accessToken").asString();
        String jwks = api.get("/.well-known/jwks.json").body();
        CurrentUser service = new AccessTokenVerifier(() -> jwks, TestTokens.ISSUER, TestTokens.AUDIENCE).verify(token);
        assertThat(service.userId()).isEqualTo(PAYMENT_SERVICE);
        assertThat(service.roles()).containsExactly(Role.SERVICE);
        assertThat(service.sessionId()).isNull();
        JsonNode claims = IdentityApi.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(600);
        assertThat(claims.get("client_id").asString()).isEqualTo("payment-service");
        assertThat(issued.json().has("refreshToken")).isFalse();
    }

    @Test
    void aWrongSecretAndAnUnknownClientGetTheSameRefusal() {
        var wrongSecret = api.post("/api/auth/service-token",
                map("clientId", "payment-service", "clientSecret", "dev-only-playback-service-secret"));
        var unknownClient = api.post("/api/auth/service-token",
                map("clientId", "mining-service", "clientSecret", "dev-only-payment-service-secret"));

        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(unknownClient.status()).isEqualTo(401);
        assertThat(wrongSecret.json().get("code").asString()).isEqualTo("invalid-client");
        assertThat(wrongSecret.json().get("detail")).isEqualTo(unknownClient.json().get("detail"));
    }

    @Test
    void aServiceTokenIsAcceptedButHasNoSessionToEnd() {
        String token = api.post("/api/auth/service-token",
                map("clientId", "notification-service", "clientSecret", "dev-only-notification-service-secret"))
                .json().get("accessToken").asString();

        var verified = api.get("/api/auth/verify", "Authorization", "Bearer " + token);
        var logout = api.post("/api/auth/logout", null, "Authorization", "Bearer " + token);

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().get("roles").toString()).isEqualTo("[\"SERVICE\"]");
        assertThat(logout.status()).isEqualTo(403);
        assertThat(logout.json().get("code").asString()).isEqualTo("session-required");
    }

    @Test
    void missingCredentialsAreABadRequest() {
        assertThat(api.post("/api/auth/service-token", map("clientId", "payment-service")).status()).isEqualTo(400);
    }
}
