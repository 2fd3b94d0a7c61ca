package com.thewans.common.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.JwkSet;
import io.jsonwebtoken.security.Jwks;

/**
 * Verifies access tokens issued by identity-service, the same code at the gateway and in every
 * service. The algorithm is pinned to RS256: a token that names {@code none}, an HMAC algorithm
 * (the classic trick of signing with the public key as a shared secret) or anything else is
 * refused before any key is looked at. Keys come from identity's JWKS, cached; an unknown
 * {@code kid} triggers one refresh (rate limited, so garbage kids cannot hammer identity).
 *
 * <p>A client sends the same token with every request for its whole lifetime, so a token that passed
 * is remembered (by its SHA-256, up to {@value #REMEMBERED_MAX} tokens) and the next time only its
 * expiry is checked again: the RS256 check was the largest part of verifying. Whenever the key set
 * changes, everything remembered is forgotten, so a key withdrawn from the JWKS stops working at once.
 * A revoked session is not this class's business; callers check it on every request.
 */
public class AccessTokenVerifier {

    public static final String ALGORITHM = "RS256";
    private static final Logger log = LoggerFactory.getLogger(AccessTokenVerifier.class);

    private final JwksSource jwksSource;
    private final String issuer;
    private final String audience;
    private final Duration clockSkew;
    private final Duration maxKeyAge;
    private final Duration minRefreshInterval;
    private final Clock clock;
    private final JwtParser parser;

    static final int REMEMBERED_MAX = 4096;

    private volatile Map<String, RSAPublicKey> keys = Map.of();
    /** Bumped whenever the key set changes; a verification that overlapped a change is not remembered. */
    private volatile long keyGeneration;
    private final Map<ByteBuffer, CurrentUser> remembered = new ConcurrentHashMap<>();
    private volatile Instant keysFetchedAt = Instant.EPOCH;
    private final Object refreshLock = new Object();

    public AccessTokenVerifier(JwksSource jwksSource, String issuer, String audience) {
        this(jwksSource, issuer, audience, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(10),
                Clock.systemUTC());
    }

    public AccessTokenVerifier(JwksSource jwksSource, String issuer, String audience, Duration clockSkew,
            Duration maxKeyAge, Duration minRefreshInterval, Clock clock) {
        this.jwksSource = jwksSource;
        this.issuer = issuer;
        this.audience = audience;
        this.clockSkew = clockSkew;
        this.maxKeyAge = maxKeyAge;
        this.minRefreshInterval = minRefreshInterval;
        this.clock = clock;
        // built once: jjwt's parser is immutable and thread-safe, and building one per token was a
        // measurable part of every request at the gateway
        this.parser = Jwts.parser()
                .keyLocator(new KeyLocator())
                .requireIssuer(issuer)
                .requireAudience(audience)
                .clockSkewSeconds(clockSkew.toSeconds())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    public CurrentUser verify(String token) {
        if (token == null || token.isBlank()) {
            throw new InvalidAccessToken("The bearer token is empty");
        }
        Instant now = clock.instant();
        if (keysFetchedAt.plus(maxKeyAge).isBefore(now)) {
            refresh(false); // before the lookup below too: a key withdrawn since then forgets what it vouched for
        }
        ByteBuffer fingerprint = fingerprint(token);
        CurrentUser known = remembered.get(fingerprint);
        if (known != null) {
            if (now.isAfter(known.expiresAt().plus(clockSkew))) {
                remembered.remove(fingerprint);
                throw new InvalidAccessToken("The access token has expired");
            }
            return known;
        }
        long generation = keyGeneration;
        Claims claims;
        try {
            claims = parser.parseSignedClaims(token).getPayload();
        } catch (ExpiredJwtException e) {
            throw new InvalidAccessToken("The access token has expired");
        } catch (PrematureJwtException e) {
            throw new InvalidAccessToken("The access token is not valid yet");
        } catch (InvalidAccessToken e) {
            throw e;
        } catch (JwtException | IllegalArgumentException e) {
            // jjwt's messages are precise enough for logs but too revealing for clients
            log.debug("Rejected access token: {}", e.getMessage());
            throw new InvalidAccessToken("The access token is not valid");
        }
        if (claims.getExpiration() == null) {
            throw new InvalidAccessToken("The access token has no expiry");
        }
        CurrentUser user = toUser(claims, token);
        remember(fingerprint, user, generation);
        return user;
    }

    private void remember(ByteBuffer fingerprint, CurrentUser user, long generation) {
        if (remembered.size() >= REMEMBERED_MAX) {
            remembered.clear(); // crude but bounded; the tokens in use come back within one request each
        }
        remembered.put(fingerprint, user);
        if (keyGeneration != generation) {
            remembered.remove(fingerprint);
        }
    }

    private static ByteBuffer fingerprint(String token) {
        try {
            // a digest, not the token: lookups then compare digests, which tells a timing attacker nothing
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private CurrentUser toUser(Claims claims, String token) {
        UUID subject = uuid(claims.getSubject(), "sub");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object rawRoles = claims.get("roles");
        if (rawRoles instanceof Collection<?> names) {
            names.forEach(n -> Role.parse(String.valueOf(n)).ifPresent(roles::add));
        }
        Object sid = claims.get("sid");
        UUID sessionId = sid == null ? null : uuid(String.valueOf(sid), "sid");
        return new CurrentUser(subject, Set.copyOf(roles), sessionId, claims.getId(),
                claims.getExpiration().toInstant(), token);
    }

    private static UUID uuid(String value, String claim) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidAccessToken("The access token's " + claim + " claim is not a valid id");
        }
    }

    private final class KeyLocator extends LocatorAdapter<Key> {
        @Override
        protected Key locate(JwsHeader header) {
            if (!ALGORITHM.equals(header.getAlgorithm())) {
                throw new InvalidAccessToken("The access token is not valid");
            }
            String kid = header.getKeyId();
            if (kid == null) {
                throw new InvalidAccessToken("The access token is not valid");
            }
            RSAPublicKey key = keyFor(kid);
            if (key == null) {
                throw new InvalidAccessToken("The access token is not valid");
            }
            return key;
        }

        @Override
        protected Key doLocate(Header header) {
            // unsigned or encrypted tokens are never acceptable access tokens
            throw new InvalidAccessToken("The access token is not valid");
        }
    }

    /** verify() has already reloaded stale keys; only an unknown kid fetches here. */
    private RSAPublicKey keyFor(String kid) {
        RSAPublicKey key = keys.get(kid);
        if (key == null) {
            refresh(true);
            key = keys.get(kid);
        }
        return key;
    }

    /**
     * Fetches the key set now. The gateway calls this on a schedule off its event loop, so a request
     * never waits for the periodic refresh; only an unknown kid (rate limited) still fetches inline.
     */
    public void refreshKeys() {
        refresh(false);
    }

    private void refresh(boolean unknownKid) {
        synchronized (refreshLock) {
            Instant now = clock.instant();
            if (unknownKid && keysFetchedAt.plus(minRefreshInterval).isAfter(now)) {
                return;
            }
            try {
                Map<String, RSAPublicKey> fetched = parse(jwksSource.fetch());
                boolean changed = !fetched.equals(keys);
                keys = fetched;
                if (changed) {
                    keyGeneration++; // after the new keys are visible: see remember()
                    remembered.clear();
                }
                keysFetchedAt = now;
            } catch (IOException | RuntimeException e) {
                // keep serving with the keys we have; identity may be restarting
                log.warn("Could not refresh the JWKS: {}", e.getMessage());
                if (keys.isEmpty()) {
                    keysFetchedAt = now.minus(maxKeyAge).plus(minRefreshInterval);
                }
            }
        }
    }

    static Map<String, RSAPublicKey> parse(String json) {
        JwkSet set = Jwks.setParser().ignoreUnsupported(true).build().parse(json);
        Map<String, RSAPublicKey> byKid = new ConcurrentHashMap<>();
        for (Jwk<?> jwk : set) {
            if (jwk.getId() != null && jwk.toKey() instanceof RSAPublicKey rsa
                    && (jwk.get("use") == null || "sig".equals(jwk.get("use")))) {
                byKid.put(jwk.getId(), rsa);
            }
        }
        return Map.copyOf(byKid);
    }
}
