package com.thewans.identity.session;

import static com.thewans.identity.IdentityApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.thewans.testkit.TestHttp;
import com.thewans.identity.IdentityApi;
import com.thewans.identity.IdentityTestSupport;

class RefreshTokenTest extends IdentityTestSupport {

    @Test
    void refreshingRotatesBothTokensAndKeepsTheSession() {
        var first = api.newViewer();

        var refreshed = api.post("/api/auth/refresh", map("refreshToken", first.refreshToken()));

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        var second = IdentityApi.tokens(refreshed);
        assertThat(second.sessionId()).isEqualTo(first.sessionId());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(api.get("/api/auth/verify", second).status()).isEqualTo(200);
        assertThat(api.post("/api/auth/refresh", map("refreshToken", second.refreshToken())).status()).isEqualTo(200);
    }

    @Test
    void aReusedRefreshTokenRevokesTheWholeSession() {
        var first = api.newViewer();
        var second = IdentityApi.tokens(api.post("/api/auth/refresh", map("refreshToken", first.refreshToken())));

        var replay = api.post("/api/auth/refresh", map("refreshToken", first.refreshToken()));

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().get("code").asString()).isEqualTo("refresh-token-reused");
        var legitimate = api.post("/api/auth/refresh", map("refreshToken", second.refreshToken()));
        assertThat(legitimate.status()).as("the newest token of the family dies with it").isEqualTo(401);
        assertThat(legitimate.json().get("code").asString()).isEqualTo("session-ended");
        assertThat(api.get("/api/auth/verify", second).status()).as("its access tokens too").isEqualTo(401);
        assertThat(redis.opsForValue().get("revoked-session:" + first.sessionId())).isEqualTo("1");
        assertThat(jdbc.queryForObject("select revoke_reason from sessions where id = ?", String.class,
                first.sessionId())).isEqualTo("REFRESH_TOKEN_REUSED");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'identity.refresh_token_reused'"
                + " and target = ?", Integer.class, first.userId().toString())).isEqualTo(1);
    }

    @Test
    void twoSimultaneousRefreshesWithOneTokenCannotBothSucceed() throws Exception {
        var tokens = api.newViewer();
        int racers = 4;
        CountDownLatch ready = new CountDownLatch(racers);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<TestHttp.Response>> results = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return api.post("/api/auth/refresh", map("refreshToken", tokens.refreshToken()));
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<TestHttp.Response> result : results) {
                statuses.add(result.get().status());
            }
            assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 401);
        } finally {
            pool.shutdownNow();
        }
        // the losers presented a used token: that is reuse, so the session is over for everyone
        assertThat(jdbc.queryForObject("select revoked_at is not null from sessions where id = ?", Boolean.class,
                tokens.sessionId())).isTrue();
    }

    @Test
    void anExpiredRefreshTokenIsRefused() throws Exception {
        var tokens = api.newViewer();
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(tokens.refreshToken().getBytes(StandardCharsets.UTF_8));
        jdbc.update("update refresh_tokens set expires_at = now() - interval '1 minute' where token_hash = ?", hash);

        var refused = api.post("/api/auth/refresh", map("refreshToken", tokens.refreshToken()));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asString()).isEqualTo("invalid-refresh-token");
    }

    @Test
    void anUnknownOrOversizedRefreshTokenIsRefused() {
        var unknown = api.post("/api/auth/refresh", map("refreshToken", "x".repeat(43)));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().get("code").asString()).isEqualTo("invalid-refresh-token");

        var oversized = api.post("/api/auth/refresh", map("refreshToken", "x".repeat(5000)));
        assertThat(oversized.status()).isEqualTo(400);
    }

    @Test
    void refreshingUpdatesWhereTheSessionWasLastSeen() {
        var tokens = api.newViewer();
        IdentityApi elsewhere = api.fromAnotherAddress();

        var refreshed = elsewhere.post("/api/auth/refresh", map("refreshToken", tokens.refreshToken()));

        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select ip_address from sessions where id = ?", String.class,
                tokens.sessionId())).isEqualTo(elsewhere.clientAddress());
    }
}
