package com.thewans.identity.token;

import java.time.Instant;

/** A signed access token and what a client needs to know about it. */
public record IssuedToken(String value, String tokenId, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[" + tokenId + " until " + expiresAt + "]";
    }
}
