package com.thewans.identity.login;

import static com.thewans.identity.IdentityApi.PASSWORD;
import static com.thewans.identity.IdentityApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.thewans.testkit.TestHttp;
import com.thewans.identity.IdentityApi;
import com.thewans.identity.IdentityTestSupport;

class LoginThrottleTest extends IdentityTestSupport {

    private static final String WRONG = "Wrong-password-99";

    @Test
    void fiveFailuresLockTheAccountEvenAgainstTheRightPassword() {
        String email = api.registerEmail();
        for (int i = 0; i < 5; i++) {
            assertThat(api.tryLogin(map("email", email, "password", WRONG)).status()).isEqualTo(401);
        }

        var locked = api.fromAnotherAddress().tryLogin(map("email", email, "password", PASSWORD));

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("code").asString()).isEqualTo("too-many-sign-in-attempts");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(locked.json().get("retryAfterSeconds").asLong()).isBetween(1L, 60L);
    }

    @Test
    void anUnknownAccountIsThrottledExactlyLikeAKnownOne() {
        String known = api.registerEmail();
        String unknown = IdentityApi.uniqueEmail();

        List<Integer> knownAnswers = attempts(api, known, 7);
        List<Integer> unknownAnswers = attempts(api.fromAnotherAddress(), unknown, 7);

        assertThat(knownAnswers).isEqualTo(unknownAnswers).containsExactly(401, 401, 401, 401, 401, 429, 429);
    }

    @Test
    void eachFailureAfterALockoutDoublesTheNextOne() {
        String email = api.registerEmail();
        attempts(api, email, 5);
        // the first lockout has run out (as if a minute had passed)
        redis.delete("login-throttle:account:" + sha256(email) + ":locked");

        assertThat(api.tryLogin(map("email", email, "password", WRONG)).status()).isEqualTo(401);
        var locked = api.tryLogin(map("email", email, "password", PASSWORD));

        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(61L, 120L);
    }

    @Test
    void aCorrectPasswordClearsTheAccountsFailures() {
        String email = api.registerEmail();
        attempts(api, email, 4);
        assertThat(api.tryLogin(map("email", email, "password", PASSWORD)).status()).isEqualTo(200);

        assertThat(attempts(api, email, 4)).containsOnly(401);
        assertThat(api.tryLogin(map("email", email, "password", PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddressForEveryAccount() {
        IdentityApi attacker = api.fromAnotherAddress();
        for (int i = 0; i < 30; i++) {
            attacker.tryLogin(map("email", IdentityApi.uniqueEmail(), "password", WRONG));
        }
        String email = api.registerEmail();

        var fromAttacker = attacker.tryLogin(map("email", email, "password", PASSWORD));
        var fromElsewhere = api.tryLogin(map("email", email, "password", PASSWORD));

        assertThat(fromAttacker.status()).isEqualTo(429);
        assertThat(fromElsewhere.status()).isEqualTo(200);
    }

    private static List<Integer> attempts(IdentityApi client, String email, int count) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TestHttp.Response response = client.tryLogin(map("email", email, "password", WRONG));
            statuses.add(response.status());
        }
        return statuses;
    }

    private static String sha256(String value) throws IllegalStateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
