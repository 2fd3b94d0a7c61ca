package com.thewans.common.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.thewans.testkit.MovableClock;
import com.thewans.testkit.TestTokens;

import io.jsonwebtoken.Jwts;

class AccessTokenVerifierTest {

    private final AtomicInteger fetches = new AtomicInteger();
    private final List<Object[]> published = new ArrayList<>(List.<Object[]>of(new Object[] {TestTokens.KEY_ID,
        TestTokens.publicKey()}));
    private final AccessTokenVerifier verifier = new AccessTokenVerifier(() -> {
        fetches.incrementAndGet();
        return TestTokens.jwks(published);
    }, TestTokens.ISSUER, TestTokens.AUDIENCE, Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ZERO,
            Clock.systemUTC());

    private final UUID userId = UUID.randomUUID();

    @Test
    void aTokenFromIdentityYieldsTheUserTheirRolesAndSession() {
        CurrentUser user = verifier.verify(TestTokens.forUser(userId, Role.VIEWER, Role.CREATOR));
        assertThat(user.userId()).isEqualTo(userId);
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.VIEWER, Role.CREATOR);
        assertThat(user.sessionId()).isNotNull();
        assertThat(user.tokenId()).isNotBlank();
        assertThat(user.expiresAt()).isAfter(Instant.now());
    }

    @Test
    void unknownRoleNamesAreIgnored() {
        String token = TestTokens.builder(userId, Role.VIEWER).claim("roles", List.of("VIEWER", "SUPERUSER")).compact();
        assertThat(verifier.verify(token).roles()).containsExactly(Role.VIEWER);
    }

    @Test
    void expiredAndNotYetValidTokensAreRefused() {
        String expired = TestTokens.builder(userId, Role.VIEWER)
                .expiration(Date.from(Instant.now().minus(Duration.ofMinutes(1)))).compact();
        assertThatThrownBy(() -> verifier.verify(expired)).isInstanceOf(InvalidAccessToken.class)
                .hasMessageContaining("expired");
        String early = TestTokens.builder(userId, Role.VIEWER)
                .notBefore(Date.from(Instant.now().plus(Duration.ofMinutes(5)))).compact();
        assertThatThrownBy(() -> verifier.verify(early)).isInstanceOf(InvalidAccessToken.class)
                .hasMessageContaining("not valid yet");
    }

    @Test
    void aTokenWithoutExpiryIsRefused() {
        String forever = TestTokens.builder(userId, Role.VIEWER).expiration(null).compact();
        assertThatThrownBy(() -> verifier.verify(forever)).isInstanceOf(InvalidAccessToken.class);
    }

    @Test
    void wrongIssuerOrAudienceIsRefused() {
        assertThatThrownBy(() -> verifier.verify(TestTokens.builder(userId, Role.ADMIN).issuer("https://evil.example")
                .compact())).isInstanceOf(InvalidAccessToken.class);
        assertThatThrownBy(() -> verifier.verify(TestTokens.builder(userId, Role.ADMIN).audience()
                .single("another-platform").compact())).isInstanceOf(InvalidAccessToken.class);
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String header = b64("{\"alg\":\"none\",\"kid\":\"" + TestTokens.KEY_ID + "\"}");
        String claims = b64("{\"sub\":\"" + userId + "\",\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\""
                + TestTokens.AUDIENCE + "\",\"roles\":[\"ADMIN\"],\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}");
        assertThatThrownBy(() -> verifier.verify(header + "." + claims + ".")).isInstanceOf(InvalidAccessToken.class);
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() {
        // the classic confusion attack: HS256 with the RSA public key bytes as the shared secret
        byte[] publicKeyBytes = TestTokens.publicKey().getEncoded();
        String forged = Jwts.builder().header().keyId(TestTokens.KEY_ID).and()
                .subject(userId.toString()).issuer(TestTokens.ISSUER).audience().add(TestTokens.AUDIENCE).and()
                .claim("roles", List.of("ADMIN"))
                .expiration(Date.from(Instant.now().plus(Duration.ofMinutes(5))))
                .signWith(new SecretKeySpec(publicKeyBytes, "HmacSHA256"), Jwts.SIG.HS256).compact();
        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(InvalidAccessToken.class);
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderAKnownKidIsRefused() {
        KeyPair attacker = TestTokens.generateKeyPair();
        String forged = TestTokens.builder(userId, Role.ADMIN).signWith(attacker.getPrivate(), Jwts.SIG.RS256).compact();
        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(InvalidAccessToken.class);
    }

    @Test
    void aTokenWithATamperedPayloadIsRefused() {
        String[] parts = TestTokens.viewer(userId).split("\\.");
        String admin = b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"VIEWER\"", "\"ADMIN\""));
        assertThatThrownBy(() -> verifier.verify(parts[0] + "." + admin + "." + parts[2]))
                .isInstanceOf(InvalidAccessToken.class);
    }

    @Test
    void anUnknownKidIsRefused() {
        String token = TestTokens.builder(userId, Role.VIEWER).header().keyId("who-knows").and().compact();
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidAccessToken.class);
    }

    @Test
    void keysAreCachedAndANewKidAfterRotationIsFetchedOnce() {
        verifier.verify(TestTokens.viewer(userId));
        verifier.verify(TestTokens.viewer(userId));
        assertThat(fetches).hasValue(1);

        KeyPair next = TestTokens.generateKeyPair();
        published.add(new Object[] {"key-2", next.getPublic()});
        String rotated = TestTokens.builder(userId, Role.VIEWER).header().keyId("key-2").and()
                .signWith(next.getPrivate(), Jwts.SIG.RS256).compact();
        assertThat(verifier.verify(rotated).userId()).isEqualTo(userId);
        assertThat(fetches).hasValue(2);
        // the previous key stays listed, so tokens signed before the rotation still pass
        assertThat(verifier.verify(TestTokens.viewer(userId)).userId()).isEqualTo(userId);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void unknownKidsCannotMakeTheVerifierHammerIdentity() {
        AtomicInteger calls = new AtomicInteger();
        AccessTokenVerifier guarded = new AccessTokenVerifier(() -> {
            calls.incrementAndGet();
            return TestTokens.jwks();
        }, TestTokens.ISSUER, TestTokens.AUDIENCE);
        guarded.verify(TestTokens.viewer(userId));
        for (int i = 0; i < 20; i++) {
            String token = TestTokens.builder(userId, Role.VIEWER).header().keyId("junk-" + i).and().compact();
            assertThatThrownBy(() -> guarded.verify(token)).isInstanceOf(InvalidAccessToken.class);
        }
        assertThat(calls).hasValue(1);
    }

    @Test
    void aRememberedTokenIsStillRefusedOnceItExpires() {
        MovableClock clock = new MovableClock(Instant.now());
        AccessTokenVerifier timed = new AccessTokenVerifier(TestTokens::jwks, TestTokens.ISSUER, TestTokens.AUDIENCE,
                Duration.ofSeconds(5), Duration.ofHours(1), Duration.ZERO, clock);
        String token = TestTokens.builder(userId, Role.VIEWER)
                .expiration(Date.from(clock.instant().plus(Duration.ofMinutes(15)))).compact();
        assertThat(timed.verify(token).userId()).isEqualTo(userId);
        clock.advance(Duration.ofMinutes(14));
        assertThat(timed.verify(token).userId()).isEqualTo(userId);
        clock.advance(Duration.ofMinutes(1).plusSeconds(6)); // past expiry and the clock skew
        assertThatThrownBy(() -> timed.verify(token)).isInstanceOf(InvalidAccessToken.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> timed.verify(token)).isInstanceOf(InvalidAccessToken.class)
                .hasMessageContaining("expired");
    }

    @Test
    void aRememberedTokenStopsWorkingWhenItsKeyIsWithdrawn() {
        String token = TestTokens.viewer(userId);
        assertThat(verifier.verify(token).userId()).isEqualTo(userId);
        assertThat(verifier.verify(token).userId()).isEqualTo(userId);

        KeyPair next = TestTokens.generateKeyPair();
        published.clear(); // the old key is compromised: identity publishes only the new one
        published.add(new Object[] {"key-2", next.getPublic()});
        verifier.refreshKeys();
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(InvalidAccessToken.class);
    }

    @Test
    void aRememberedTokenStopsWorkingOnceTheKeysAreReloadedWithoutItsKey() {
        MovableClock clock = new MovableClock(Instant.now());
        AccessTokenVerifier timed = new AccessTokenVerifier(() -> TestTokens.jwks(published), TestTokens.ISSUER,
                TestTokens.AUDIENCE, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ZERO, clock);
        String token = TestTokens.viewer(userId);
        assertThat(timed.verify(token).userId()).isEqualTo(userId);

        published.clear(); // identity retires the key; nobody calls refreshKeys() (services only verify)
        published.add(new Object[] {"key-2", TestTokens.generateKeyPair().getPublic()});
        assertThat(timed.verify(token).userId()).isEqualTo(userId); // the keys are not stale yet
        clock.advance(Duration.ofSeconds(11));
        assertThatThrownBy(() -> timed.verify(token)).isInstanceOf(InvalidAccessToken.class);
    }

    @Test
    void aTamperedCopyOfARememberedTokenIsRefused() {
        String token = TestTokens.viewer(userId);
        verifier.verify(token);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + b64("{\"sub\":\"" + UUID.randomUUID() + "\",\"roles\":[\"ADMIN\"],"
                + "\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":\"" + TestTokens.AUDIENCE + "\",\"exp\":"
                + (Instant.now().getEpochSecond() + 600) + "}") + "." + parts[2];
        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(InvalidAccessToken.class);
    }

    @Test
    void garbageIsRefusedWithoutDetail() {
        for (String junk : List.of("", "abc", "a.b.c", "eyJhbGciOiJSUzI1NiJ9..")) {
            assertThatThrownBy(() -> verifier.verify(junk)).isInstanceOf(InvalidAccessToken.class);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
