package com.thewans.identity.serviceidentity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.identity.token.IssuedToken;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Service identities", description = "Services calling others on their own behalf get a SERVICE token for "
        + "their client id and secret")
class ServiceTokenController {

    record ClientCredentials(@NotBlank @Size(max = 100) String clientId,
            @NotBlank @Size(max = 200) String clientSecret) {

        @Override
        public String toString() {
            return "ClientCredentials[" + clientId + "]";
        }
    }

    record ServiceToken(String tokenType, String accessToken, long expiresIn, Instant accessTokenExpiresAt) {
    }

    private final ServiceTokens tokens;
    private final Clock clock;

    ServiceTokenController(ServiceTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @PostMapping("/api/auth/service-token")
    @Operation(summary = "A SERVICE access token for a service's client credentials")
    @ApiResponse(responseCode = "401", description = "Unknown client id or wrong secret (`invalid-client`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<ServiceToken> issue(@Valid @RequestBody ClientCredentials credentials) {
        IssuedToken token = tokens.issue(credentials.clientId(), credentials.clientSecret());
        long expiresIn = Math.max(0, Duration.between(clock.instant(), token.expiresAt()).toSeconds());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new ServiceToken("Bearer", token.value(), expiresIn, token.expiresAt()));
    }
}
