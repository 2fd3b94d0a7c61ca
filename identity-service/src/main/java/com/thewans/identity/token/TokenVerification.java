package com.thewans.identity.token;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;

import com.thewans.common.security.AccessTokenVerifier;
import com.thewans.common.security.CurrentUser;
import com.thewans.common.security.InvalidAccessToken;
import com.thewans.common.security.JwksSource;
import com.thewans.common.security.TokenProperties;
import com.thewans.identity.signing.SigningKeys;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * identity verifies tokens with common's verifier like every service, but reads its own keys
 * straight from its key store instead of calling its own JWKS over HTTP. It also refuses tokens
 * of ended sessions, so logout takes effect here at once, whatever common's verifier does.
 */
@Configuration(proxyBeanMethods = false)
class TokenVerification {

    private static final Logger log = LoggerFactory.getLogger(TokenVerification.class);

    @Bean
    AccessTokenVerifier accessTokenVerifier(SigningKeys keys, TokenProperties platform, TokenSettings settings,
            RevokedSessions revokedSessions, JsonMapper json, Clock clock) {
        JwksSource own = keys::jwks;
        String extra = settings.alsoTrustJwksUri();
        JwksSource source = extra == null || extra.isBlank() ? own : merged(own, JwksSource.of(extra), json);
        // the key store is local and cached, so an unknown kid may look again at once (a rotation
        // on another instance then shows within the key store's refresh interval)
        return new SessionCheckingVerifier(source, platform.issuer(), platform.audience(), platform.clockSkew(),
                Duration.ofSeconds(5), Duration.ZERO, clock, revokedSessions);
    }

    private static JwksSource merged(JwksSource own, JwksSource extra, JsonMapper json) {
        return () -> {
            List<JsonNode> keys = new ArrayList<>();
            json.readTree(own.fetch()).get("keys").forEach(keys::add);
            try {
                json.readTree(extra.fetch()).get("keys").forEach(keys::add);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not read the additionally trusted JWKS: {}", e.getMessage());
            }
            return json.writeValueAsString(Map.of("keys", keys));
        };
    }

    static final class SessionCheckingVerifier extends AccessTokenVerifier {

        private final RevokedSessions revokedSessions;

        SessionCheckingVerifier(JwksSource source, String issuer, String audience, Duration clockSkew,
                Duration maxKeyAge, Duration minRefreshInterval, Clock clock, RevokedSessions revokedSessions) {
            super(source, issuer, audience, clockSkew, maxKeyAge, minRefreshInterval, clock);
            this.revokedSessions = revokedSessions;
        }

        @Override
        public CurrentUser verify(String token) {
            CurrentUser user = super.verify(token);
            if (user.sessionId() == null) {
                return user;
            }
            boolean revoked;
            try {
                revoked = revokedSessions.contains(user.sessionId());
            } catch (DataAccessException e) {
                // fail closed: an ended session must not slip through while Redis is away
                log.warn("Could not check the revoked-session set: {}", e.getMessage());
                throw new InvalidAccessToken("The session could not be checked right now; try again shortly");
            }
            if (revoked) {
                throw new InvalidAccessToken("The session of this access token has ended; sign in again");
            }
            return user;
        }
    }
}
