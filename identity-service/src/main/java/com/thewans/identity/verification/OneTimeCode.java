package com.thewans.identity.verification;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.thewans.identity.account.ContactChannel;

/** A single-use, expiring code sent to an email or phone; identity keeps only its keyed hash. */
@Entity
@Table(name = "one_time_codes")
class OneTimeCode {

    @Id
    private UUID id;
    private UUID userId;
    @Enumerated(EnumType.STRING)
    private CodePurpose purpose;
    @Enumerated(EnumType.STRING)
    private ContactChannel channel;
    private String destination;
    private byte[] codeHash;
    @Enumerated(EnumType.STRING)
    private CodeStatus status;
    private int attempts;
    private int maxAttempts;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant closedAt;

    protected OneTimeCode() {
    }

    OneTimeCode(UUID userId, CodePurpose purpose, ContactChannel channel, String destination, byte[] codeHash,
            int maxAttempts, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.purpose = purpose;
        this.channel = channel;
        this.destination = destination;
        this.codeHash = codeHash;
        this.status = CodeStatus.OPEN;
        this.maxAttempts = maxAttempts;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /**
     * One try at the code. Right and in time: used. Wrong: one attempt fewer, and closed when
     * none are left, so a six-digit code cannot be guessed by trying them all.
     */
    boolean attempt(byte[] presentedHash, Instant now) {
        if (status != CodeStatus.OPEN || !expiresAt.isAfter(now)) {
            return false;
        }
        if (MessageDigest.isEqual(codeHash, presentedHash)) {
            status = CodeStatus.USED;
            closedAt = now;
            return true;
        }
        attempts++;
        if (attempts >= maxAttempts) {
            status = CodeStatus.EXHAUSTED;
            closedAt = now;
        }
        return false;
    }

    void supersede(Instant now) {
        if (status == CodeStatus.OPEN) {
            status = CodeStatus.SUPERSEDED;
            closedAt = now;
        }
    }

    UUID userId() {
        return userId;
    }

    String destination() {
        return destination;
    }

    ContactChannel channel() {
        return channel;
    }
}
