package com.thewans.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.thewans.common.security.Role;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;

/**
 * Mints access tokens the way identity-service does, signed with a key generated for this test
 * JVM, and publishes that key as a JWKS file the services under test verify against.
 */
public final class TestTokens {

    public static final String ISSUER = "https://thewans.com/identity";
    public static final String AUDIENCE = "thewans-platform";
    public static final String KEY_ID = "test-key-1";

    private static final KeyPair KEYS = generate();
    private static Path jwksFile;

    private TestTokens() {
    }

    public static String viewer(UUID userId) {
        return forUser(userId, Role.VIEWER);
    }

    public static String creator(UUID userId) {
        return forUser(userId, Role.VIEWER, Role.CREATOR);
    }

    public static String admin(UUID userId) {
        return forUser(userId, Role.VIEWER, Role.ADMIN);
    }

    public static String forUser(UUID userId, Role... roles) {
        return builder(userId, roles).compact();
    }

    /** A token builder with every claim set right, for tests that then break one thing on purpose. */
    public static io.jsonwebtoken.JwtBuilder builder(UUID userId, Role... roles) {
        Instant now = Instant.now();
        return Jwts.builder()
                .header().keyId(KEY_ID).and()
                .subject(userId.toString())
                .issuer(ISSUER)
                .audience().add(AUDIENCE).and()
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(15))))
                .claim("sid", UUID.randomUUID().toString())
                .claim("roles", Arrays.stream(roles).map(Enum::name).toList())
                .signWith(KEYS.getPrivate(), Jwts.SIG.RS256);
    }

    public static PrivateKey privateKey() {
        return KEYS.getPrivate();
    }

    public static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    /** The JWKS of the test key, as identity's /.well-known/jwks.json would serve it. */
    public static String jwks() {
        return jwks(List.<Object[]>of(new Object[] {KEY_ID, publicKey()}));
    }

    public static String jwks(List<Object[]> kidAndKeys) {
        StringBuilder json = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < kidAndKeys.size(); i++) {
            RSAPublicKey key = (RSAPublicKey) kidAndKeys.get(i)[1];
            json.append(i == 0 ? "" : ",")
                    .append("{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"")
                    .append(kidAndKeys.get(i)[0]).append("\",\"n\":\"").append(b64(key.getModulus()))
                    .append("\",\"e\":\"").append(b64(key.getPublicExponent())).append("\"}");
        }
        return json.append("]}").toString();
    }

    /** A file with the test JWKS, written once per JVM. */
    public static synchronized Path jwksFile() {
        if (jwksFile == null) {
            try {
                jwksFile = Files.createTempFile("wans-test-jwks", ".json");
                jwksFile.toFile().deleteOnExit();
                Files.writeString(jwksFile, jwks());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jwksFile;
    }

    /**
     * The classic ways to forge or replay an access token for {@code user} as an ADMIN, by name:
     * unsigned, HMAC-signed with the public key, unknown or path-like key ids, a {@code jku} pointing
     * at the attacker's keys, the attacker's signature under our key id, expired, for another audience
     * or issuer, claims edited after signing, and garbage. Every one must be refused with 401 at the
     * gateway and at every service.
     */
    public static Map<String, String> forgeries(UUID user) {
        KeyPair attacker = generate();
        String valid = forUser(user, Role.ADMIN);
        String[] parts = valid.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        Instant now = Instant.now();
        Map<String, String> forged = new LinkedHashMap<>();
        forged.put("alg none", b64.encodeToString(("{\"alg\":\"none\",\"kid\":\"" + KEY_ID + "\"}")
                .getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".");
        forged.put("HS256 signed with the public RSA key as the secret", builder(user, Role.ADMIN)
                .signWith(Keys.hmacShaKeyFor(publicKey().getEncoded()), Jwts.SIG.HS256).compact());
        forged.put("unknown kid", builder(user, Role.ADMIN).header().keyId("no-such-key").and().compact());
        forged.put("path-like kid", builder(user, Role.ADMIN).header().keyId("../../../../../../dev/null").and()
                .compact());
        forged.put("jku pointing at the attacker's keys", builder(user, Role.ADMIN)
                .header().keyId("attacker-key").add("jku", "http://evil.example/jwks.json").and()
                .signWith(attacker.getPrivate(), Jwts.SIG.RS256).compact());
        forged.put("our kid signed with the attacker's key", builder(user, Role.ADMIN)
                .signWith(attacker.getPrivate(), Jwts.SIG.RS256).compact());
        forged.put("expired", builder(user, Role.ADMIN)
                .issuedAt(Date.from(now.minus(Duration.ofHours(2))))
                .expiration(Date.from(now.minus(Duration.ofHours(1)))).compact());
        forged.put("another audience", builder(user, Role.ADMIN).audience().single("another-platform").compact());
        forged.put("another issuer", builder(user, Role.ADMIN).issuer("https://evil.example/identity").compact());
        forged.put("claims edited after signing", parts[0] + "." + b64.encodeToString(claims
                .replace("\"ADMIN\"", "\"ADMIN\",\"SERVICE\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        forged.put("not a JWT", "definitely-not-a-token");
        return forged;
    }

    public static KeyPair generateKeyPair() {
        return generate();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
