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

import com.thewans.common.security.AccessTokenVerifier;
import com.thewans.common.security.JwksSource;
import com.thewans.common.security.TokenProperties;
import com.thewans.identity.signing.SigningKeys;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * identity verifies tokens with common's verifier like every service, but reads its own keys
 * straight from its key store instead of calling its own JWKS over HTTP. Tokens of ended sessions
 * are refused by common's token filter, here as in every service.
 */
@Configuration(proxyBeanMethods = false)
class TokenVerification {

    private static final Logger log = LoggerFactory.getLogger(TokenVerification.class);

    @Bean
    AccessTokenVerifier accessTokenVerifier(SigningKeys keys, TokenProperties platform, TokenSettings settings,
            JsonMapper json, Clock clock) {
        JwksSource own = keys::jwks;
        String extra = settings.alsoTrustJwksUri();
        JwksSource source = extra == null || extra.isBlank() ? own : merged(own, JwksSource.of(extra), json);
        // the key store is local and cached, so an unknown kid may look again at once (a rotation
        // on another instance then shows within the key store's refresh interval)
        return new AccessTokenVerifier(source, platform.issuer(), platform.audience(), platform.clockSkew(),
                Duration.ofSeconds(5), Duration.ZERO, clock);
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

}
