package com.thewans.identity.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

import com.thewans.identity.IdentityApi;
import com.thewans.identity.IdentityTestSupport;

import tools.jackson.databind.JsonNode;

class SigningKeysTest extends IdentityTestSupport {

    @Test
    void theJwksIsPublicCacheableAndListsRsaSigningKeysOnly() {
        var jwks = api.get("/.well-known/jwks.json");

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.header("Cache-Control")).contains("max-age=300").contains("public");
        JsonNode keys = jwks.json().get("keys");
        assertThat(keys.size()).isBetween(1, 2);
        for (JsonNode key : keys) {
            assertThat(key.get("kty").asString()).isEqualTo("RSA");
            assertThat(key.get("alg").asString()).isEqualTo("RS256");
            assertThat(key.get("use").asString()).isEqualTo("sig");
            assertThat(new BigInteger(1, Base64.getUrlDecoder().decode(key.get("n").asString())).bitLength())
                    .isEqualTo(2048);
            assertThat(key.has("d")).as("no private part is ever published").isFalse();
        }
    }

    @Test
    void privateKeysAreEncryptedAtRest() {
        List<byte[]> stored = jdbc.queryForList("select private_key_encrypted from signing_keys", byte[].class);

        assertThat(stored).isNotEmpty();
        for (byte[] ciphertext : stored) {
            assertThatThrownBy(() -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(ciphertext)))
                    .isInstanceOf(java.security.spec.InvalidKeySpecException.class);
        }
    }

    @Test
    void rotationKeepsThePreviousKeyPublishedSoNobodyIsSignedOut() {
        var admin = newAdmin();
        var viewer = api.newViewer();
        String before = kidOf(viewer.accessToken());

        var rotation = api.post("/api/auth/admin/keys/rotate", null, admin);

        assertThat(rotation.status()).as(rotation.body()).isEqualTo(200);
        String current = rotation.json().get("currentKid").asString();
        assertThat(rotation.json().get("previousKid").asString()).isEqualTo(before);
        assertThat(publishedKids()).containsExactly(current, before);
        assertThat(api.get("/api/auth/verify", viewer).status()).isEqualTo(200);
        var later = api.newViewer();
        assertThat(kidOf(later.accessToken())).isEqualTo(current);
        assertThat(api.get("/api/auth/verify", later).status()).isEqualTo(200);

        var second = api.post("/api/auth/admin/keys/rotate", null, admin);
        assertThat(second.status()).isEqualTo(200);

        assertThat(publishedKids()).doesNotContain(before).contains(current);
        // verifiers cache keys briefly (identity: seconds), then a retired key's tokens stop working
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(api.get("/api/auth/verify", viewer).status()).isEqualTo(401));
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'identity.signing_key_rotated'",
                Integer.class)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void onlyAdministratorsRotateKeys() {
        var viewer = api.newViewer();

        var refused = api.post("/api/auth/admin/keys/rotate", null, viewer);

        assertThat(refused.status()).isEqualTo(403);
        assertThat(api.post("/api/auth/admin/keys/rotate", null).status()).isEqualTo(401);
    }

    @Test
    void theDatabaseAllowsOnlyOneCurrentKey() {
        assertThatThrownBy(() -> jdbc.update("""
                insert into signing_keys (kid, algorithm, public_key, private_key_encrypted, status, created_at)
                values ('intruder', 'RS256', '\\x00', '\\x00', 'CURRENT', now())"""))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private List<String> publishedKids() {
        List<String> kids = new ArrayList<>();
        api.get("/.well-known/jwks.json").json().get("keys").forEach(k -> kids.add(k.get("kid").asString()));
        return kids;
    }

    private static String kidOf(String jwt) {
        return IdentityApi.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0])).get("kid").asString();
    }
}
