package com.thewans.identity.session;

import static com.thewans.identity.IdentityApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.thewans.identity.IdentityTestSupport;

import tools.jackson.databind.JsonNode;

class SessionsTest extends IdentityTestSupport {

    @Test
    void loggingOutEndsTheSessionForAccessAndRefreshTokens() {
        var tokens = api.newViewer();

        var logout = api.post("/api/auth/logout", null, tokens);

        assertThat(logout.status()).isEqualTo(204);
        assertThat(api.get("/api/auth/verify", tokens).status()).isEqualTo(401);
        assertThat(api.post("/api/auth/refresh", map("refreshToken", tokens.refreshToken())).status()).isEqualTo(401);
    }

    @Test
    void anEndedSessionIsPublishedToRedisUntilItsAccessTokensHaveExpired() {
        var tokens = api.newViewer();

        api.post("/api/auth/logout", null, tokens);

        String key = "revoked-session:" + tokens.sessionId();
        assertThat(redis.opsForValue().get(key)).isEqualTo("1");
        // 15 minutes of access token plus 30 s of clock skew
        assertThat(redis.getExpire(key)).isBetween(15 * 60L, 15 * 60L + 30);
    }

    @Test
    void theSessionListShowsDeviceClientAddressAndWhichIsCurrent() {
        String email = api.registerEmail();
        var phone = api.login(email, "phone-fingerprint");
        var tv = api.fromAnotherAddress().login(email, "tv-fingerprint");

        var list = api.get("/api/auth/sessions", phone);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().size()).isEqualTo(2);
        JsonNode current = find(list.json(), phone.sessionId().toString());
        assertThat(current.get("current").asBoolean()).isTrue();
        assertThat(current.get("ipAddress").asString()).isEqualTo(api.clientAddress());
        assertThat(current.get("userAgent").asString()).isEqualTo("IdentityApiTest/1.0");
        assertThat(current.get("device").get("name").asString()).isEqualTo("Test phone");
        assertThat(current.get("device").get("type").asString()).isEqualTo("mobile");
        assertThat(current.get("lastSeenAt").isNull()).isFalse();
        assertThat(find(list.json(), tv.sessionId().toString()).get("current").asBoolean()).isFalse();
    }

    @Test
    void endingAnotherOfYourSessionsSignsItOut() {
        String email = api.registerEmail();
        var here = api.login(email);
        var there = api.login(email);

        var ended = api.delete("/api/auth/sessions/" + there.sessionId(), here);

        assertThat(ended.status()).isEqualTo(204);
        assertThat(api.get("/api/auth/verify", there).status()).isEqualTo(401);
        assertThat(api.get("/api/auth/verify", here).status()).isEqualTo(200);
    }

    @Test
    void nobodyCanEndSomeoneElsesSession() {
        var mine = api.newViewer();
        var theirs = api.newViewer();

        var refused = api.delete("/api/auth/sessions/" + theirs.sessionId(), mine);

        assertThat(refused.status()).isEqualTo(404);
        assertThat(api.get("/api/auth/verify", theirs).status()).isEqualTo(200);
        assertThat(api.delete("/api/auth/sessions/not-a-uuid", mine).status()).isEqualTo(400);
    }

    @Test
    void signingOutEverywhereElseKeepsOnlyThisSession() {
        String email = api.registerEmail();
        var here = api.login(email);
        List<com.thewans.identity.IdentityApi.Tokens> others = new ArrayList<>();
        others.add(api.login(email));
        others.add(api.login(email));

        var result = api.post("/api/auth/sessions/revoke-others", null, here);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.json().get("ended").asInt()).isEqualTo(2);
        others.forEach(o -> assertThat(api.get("/api/auth/verify", o).status()).isEqualTo(401));
        assertThat(api.get("/api/auth/verify", here).status()).isEqualTo(200);
        assertThat(api.get("/api/auth/sessions", here).json().size()).isEqualTo(1);
    }

    @Test
    void sessionEndpointsNeedASignedInUser() {
        assertThat(api.get("/api/auth/sessions").status()).isEqualTo(401);
        assertThat(api.post("/api/auth/logout", null).status()).isEqualTo(401);
        assertThat(api.get("/api/auth/verify").status()).isEqualTo(401);
    }

    private static JsonNode find(JsonNode sessions, String id) {
        for (JsonNode session : sessions) {
            if (session.get("id").asString().equals(id)) {
                return session;
            }
        }
        throw new AssertionError("No session " + id + " in " + sessions);
    }
}
