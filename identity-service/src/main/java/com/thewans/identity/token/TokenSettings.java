package com.thewans.identity.token;

import java.time.Duration;

/**
 * Lifetimes of what identity issues ({@code wans.identity.tokens}).
 *
 * @param accessTokenTtl   access tokens: short, because a stolen one cannot be recalled except
 *                         through the revoked-session set
 * @param refreshTokenTtl  refresh tokens; each refresh issues a new one, so this is the idle limit
 * @param serviceTokenTtl  tokens of services calling on their own behalf
 * @param alsoTrustJwksUri another issuer's JWKS that identity's own verifier also accepts; empty
 *                         in production, the test key in tests
 */
public record TokenSettings(Duration accessTokenTtl, Duration refreshTokenTtl, Duration serviceTokenTtl,
        String alsoTrustJwksUri) {
}
