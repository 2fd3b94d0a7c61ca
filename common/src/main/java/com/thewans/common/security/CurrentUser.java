package com.thewans.common.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as proven by a verified access token. Controllers receive it with
 * {@code @AuthenticationPrincipal CurrentUser user}.
 *
 * @param userId    the token subject (a user, or a service's own id for SERVICE tokens)
 * @param roles     the roles the token grants
 * @param sessionId the identity session the token belongs to (null for service tokens)
 * @param tokenId   the token's {@code jti}
 * @param expiresAt when the token stops being valid
 * @param token     the raw token, so calls to other services can act for the same user
 */
public record CurrentUser(UUID userId, Set<Role> roles, UUID sessionId, String tokenId, Instant expiresAt,
        String token) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    @Override
    public String toString() {
        // never print the raw token
        return "CurrentUser[" + userId + " " + roles + "]";
    }
}
