package com.thewans.identity.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** The body of a successful sign-in or refresh (the OAuth 2 field names where there is one). */
public record TokenResponse(String tokenType, String accessToken, long expiresIn, Instant accessTokenExpiresAt,
        String refreshToken, Instant refreshTokenExpiresAt, UUID userId, UUID sessionId, UUID deviceId,
        List<String> roles) {

    public static TokenResponse of(SignedIn signedIn, Clock clock) {
        return new TokenResponse("Bearer", signedIn.accessToken().value(),
                Math.max(0, Duration.between(clock.instant(), signedIn.accessToken().expiresAt()).toSeconds()),
                signedIn.accessToken().expiresAt(), signedIn.refreshToken(), signedIn.refreshTokenExpiresAt(),
                signedIn.userId(), signedIn.sessionId(), signedIn.deviceId(),
                signedIn.roles().stream().map(Enum::name).sorted().toList());
    }

    /** Tokens are never stored by caches on the way (RFC 6749, section 5.1). */
    public static ResponseEntity<TokenResponse> answer(SignedIn signedIn, Clock clock) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
                .body(of(signedIn, clock));
    }

    @Override
    public String toString() {
        return "TokenResponse[" + userId + " session " + sessionId + "]";
    }
}
