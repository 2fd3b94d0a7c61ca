package com.thewans.identity.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One refresh token of a session's family; only its SHA-256 is kept. Good for exactly one use. */
@Entity
@Table(name = "refresh_tokens")
class RefreshToken {

    @Id
    private UUID id;
    private UUID sessionId;
    private byte[] tokenHash;
    private Instant issuedAt;
    private Instant expiresAt;
    private Instant usedAt;

    protected RefreshToken() {
    }

    RefreshToken(UUID sessionId, byte[] tokenHash, Instant issuedAt, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.sessionId = sessionId;
        this.tokenHash = tokenHash;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    void use(Instant now) {
        if (usedAt != null) {
            throw new IllegalStateException("Refresh token " + id + " was used already");
        }
        usedAt = now;
    }

    boolean isUsed() {
        return usedAt != null;
    }

    boolean hasExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    UUID sessionId() {
        return sessionId;
    }

    Instant expiresAt() {
        return expiresAt;
    }
}
