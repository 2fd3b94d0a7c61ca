package com.thewans.identity.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.thewans.common.security.Role;
import com.thewans.common.security.TokenProperties;
import com.thewans.identity.signing.SigningKeys;

import io.jsonwebtoken.Jwts;

/**
 * Mints RS256 access tokens with the claims common's verifier requires: sub, roles, sid, jti,
 * iss, aud, iat, exp, and the signing key's kid in the header.
 */
@Component
public class AccessTokens {

    private final SigningKeys keys;
    private final TokenProperties platform;
    private final TokenSettings settings;
    private final Clock clock;

    AccessTokens(SigningKeys keys, TokenProperties platform, TokenSettings settings, Clock clock) {
        this.keys = keys;
        this.platform = platform;
        this.settings = settings;
        this.clock = clock;
    }

    public IssuedToken forSession(UUID userId, Set<Role> roles, UUID sessionId) {
        return mint(userId, roles, sessionId, null, settings.accessTokenTtl());
    }

    public IssuedToken forService(UUID serviceId, String clientId) {
        return mint(serviceId, Set.of(Role.SERVICE), null, clientId, settings.serviceTokenTtl());
    }

    public Duration accessTokenTtl() {
        return settings.accessTokenTtl();
    }

    private IssuedToken mint(UUID subject, Set<Role> roles, UUID sessionId, String clientId, Duration ttl) {
        SigningKeys.ActiveKey key = keys.current();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(ttl);
        String tokenId = UUID.randomUUID().toString();
        var builder = Jwts.builder()
                .header().keyId(key.kid()).type("JWT").and()
                .subject(subject.toString())
                .issuer(platform.issuer())
                .audience().add(platform.audience()).and()
                .id(tokenId)
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .claim("roles", roles.stream().map(Enum::name).sorted().toList());
        if (sessionId != null) {
            builder.claim("sid", sessionId.toString());
        }
        if (clientId != null) {
            builder.claim("client_id", clientId);
        }
        return new IssuedToken(builder.signWith(key.privateKey(), Jwts.SIG.RS256).compact(), tokenId, expiresAt);
    }
}
