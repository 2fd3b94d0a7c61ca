package com.thewans.identity.session;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.thewans.common.security.Role;
import com.thewans.identity.token.IssuedToken;

/** What a sign-in or a refresh hands out. */
public record SignedIn(UUID userId, Set<Role> roles, UUID sessionId, UUID deviceId, IssuedToken accessToken,
        String refreshToken, Instant refreshTokenExpiresAt) {

    @Override
    public String toString() {
        return "SignedIn[" + userId + " session " + sessionId + "]";
    }
}
