package com.thewans.common.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.thewans.common.problem.DependencyUnavailable;

/**
 * This service's own SERVICE token, for calls it makes on its own behalf (not a user's): asked of
 * identity-service ({@code POST /api/auth/service-token}) with the service's client id and secret
 * ({@code wans.service-identity.*}) and kept until shortly before it expires. The secret and the
 * token are never logged.
 */
public class ServiceIdentity {

    /** Renew this long before expiry, so a token never expires on its way to the other service. */
    static final Duration EARLY = Duration.ofSeconds(30);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record IssuedToken(String accessToken, Instant accessTokenExpiresAt) {
    }

    private final RestClient identity;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private volatile IssuedToken current;

    public ServiceIdentity(RestClient identity, String clientId, String clientSecret, Clock clock) {
        this.identity = identity;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    public boolean configured() {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }

    /** A valid SERVICE token; identity down is a 503 problem. */
    public String token() {
        IssuedToken token = current;
        if (token == null || !clock.instant().isBefore(token.accessTokenExpiresAt().minus(EARLY))) {
            token = renew();
        }
        return token.accessToken();
    }

    private synchronized IssuedToken renew() {
        IssuedToken token = current;
        if (token != null && clock.instant().isBefore(token.accessTokenExpiresAt().minus(EARLY))) {
            return token;
        }
        if (!configured()) {
            throw new IllegalStateException("wans.service-identity.client-id and client-secret are not set");
        }
        try {
            token = identity.post().uri("/api/auth/service-token")
                    .body(Map.of("clientId", clientId, "clientSecret", clientSecret))
                    .retrieve().body(IssuedToken.class);
        } catch (RestClientException e) {
            throw new DependencyUnavailable("identity", e);
        }
        if (token == null || token.accessToken() == null || token.accessTokenExpiresAt() == null) {
            throw new DependencyUnavailable("identity", null);
        }
        current = token;
        return token;
    }

    @Override
    public String toString() {
        return "ServiceIdentity[" + clientId + "]";
    }
}
