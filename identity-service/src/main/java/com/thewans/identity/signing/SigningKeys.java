package com.thewans.identity.signing;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.audit.AuditLog;

import tools.jackson.databind.json.JsonMapper;

/**
 * The RSA keys that sign access tokens. One is CURRENT (signs new tokens); after a rotation the
 * old one stays PREVIOUS and is still published, so tokens it signed stay valid until they
 * expire and rotation logs nobody out. Each instance keeps a few seconds' snapshot of the keys,
 * so a rotation on one instance reaches the others within that time.
 */
@Component
public class SigningKeys implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    /** pg_advisory_xact_lock id: instances starting together create one first key, not two. */
    private static final long KEY_CHANGE_LOCK = 0x5741_4e53_4b45_5953L;
    private static final DateTimeFormatter KID_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    public record ActiveKey(String kid, PrivateKey privateKey) {
    }

    public record Rotation(String currentKid, String previousKid) {
    }

    private record Snapshot(ActiveKey current, String jwks, Instant loadedAt) {
    }

    private final SigningKeyRepository keys;
    private final KeyEncryption encryption;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration snapshotTtl;
    private final SecureRandom random = new SecureRandom();
    private volatile Snapshot snapshot;

    SigningKeys(SigningKeyRepository keys, KeyEncryption encryption, PlatformTransactionManager transactionManager,
            JdbcTemplate jdbc, JsonMapper json, AuditLog audit, Clock clock,
            @Value("${wans.identity.signing-keys.refresh-interval:5s}") Duration snapshotTtl) {
        this.keys = keys;
        this.encryption = encryption;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.snapshotTtl = snapshotTtl;
    }

    /** Before the server takes requests there is a key to sign with. */
    @Override
    public void afterSingletonsInstantiated() {
        ensureCurrentKey();
        reload();
    }

    public ActiveKey current() {
        return snapshot().current();
    }

    /** The published JWKS: the current and the previous public key. */
    public String jwks() {
        return snapshot().jwks();
    }

    public Rotation rotate() {
        KeyPair pair = generate();
        Rotation rotation = transactions.execute(status -> {
            lockKeyChanges();
            keys.findByStatus(KeyStatus.PREVIOUS).ifPresent(previous -> {
                previous.retire(clock.instant());
                keys.saveAndFlush(previous);
            });
            String previousKid = keys.findByStatus(KeyStatus.CURRENT).map(current -> {
                current.stepDown();
                keys.saveAndFlush(current);
                return current.kid();
            }).orElse(null);
            SigningKey created = keys.saveAndFlush(store(pair));
            audit.record("identity.signing_key_rotated", created.kid(),
                    previousKid == null ? Map.of() : Map.of("previousKid", previousKid));
            return new Rotation(created.kid(), previousKid);
        });
        log.info("Signing key rotated: now {} (previous {})", rotation.currentKid(), rotation.previousKid());
        reload();
        return rotation;
    }

    private void ensureCurrentKey() {
        if (keys.findByStatus(KeyStatus.CURRENT).isPresent()) {
            return;
        }
        KeyPair pair = generate();
        transactions.executeWithoutResult(status -> {
            lockKeyChanges();
            if (keys.findByStatus(KeyStatus.CURRENT).isEmpty()) {
                SigningKey first = keys.saveAndFlush(store(pair));
                log.info("Created the first signing key {}", first.kid());
            }
        });
    }

    private void lockKeyChanges() {
        jdbc.queryForList("select pg_advisory_xact_lock(?)", KEY_CHANGE_LOCK);
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null || current.loadedAt().plus(snapshotTtl).isBefore(clock.instant())) {
            synchronized (this) {
                current = snapshot;
                if (current == null || current.loadedAt().plus(snapshotTtl).isBefore(clock.instant())) {
                    current = reload();
                }
            }
        }
        return current;
    }

    private synchronized Snapshot reload() {
        List<SigningKey> published = new ArrayList<>(
                keys.findByStatusIn(List.of(KeyStatus.CURRENT, KeyStatus.PREVIOUS)));
        SigningKey current = published.stream().filter(k -> k.status() == KeyStatus.CURRENT).findFirst()
                .orElseThrow(() -> new IllegalStateException("There is no current signing key"));
        Snapshot previous = snapshot;
        ActiveKey active = previous != null && previous.current().kid().equals(current.kid()) ? previous.current()
                : new ActiveKey(current.kid(), privateKey(current));
        published.sort((a, b) -> a.status().compareTo(b.status()));
        Snapshot fresh = new Snapshot(active, jwksOf(published), clock.instant());
        snapshot = fresh;
        return fresh;
    }

    private String jwksOf(List<SigningKey> published) {
        List<Map<String, String>> jwks = new ArrayList<>();
        for (SigningKey key : published) {
            RSAPublicKey rsa = publicKey(key);
            Map<String, String> jwk = new LinkedHashMap<>();
            jwk.put("kty", "RSA");
            jwk.put("use", "sig");
            jwk.put("alg", "RS256");
            jwk.put("kid", key.kid());
            jwk.put("n", base64Url(rsa.getModulus()));
            jwk.put("e", base64Url(rsa.getPublicExponent()));
            jwks.add(jwk);
        }
        return json.writeValueAsString(Map.of("keys", jwks));
    }

    private SigningKey store(KeyPair pair) {
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        String kid = "wans-" + KID_DATE.format(clock.instant()) + "-" + HexFormat.of().formatHex(suffix);
        return new SigningKey(kid, pair.getPublic().getEncoded(), encryption.seal(pair.getPrivate().getEncoded(), kid),
                clock.instant());
    }

    private PrivateKey privateKey(SigningKey key) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(encryption.open(key.privateKeyEncrypted(), key.kid())));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + key.kid() + " is unreadable", e);
        }
    }

    private static RSAPublicKey publicKey(SigningKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(key.publicKey()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + key.kid() + " has an unreadable public key", e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
