package com.thewans.identity.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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

    @Override
    public String toString() {
        return "TokenResponse[" + userId + " session " + sessionId + "]";
    }
}
