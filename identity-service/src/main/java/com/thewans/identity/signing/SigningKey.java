package com.thewans.identity.signing;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "signing_keys")
class SigningKey {

    @Id
    private String kid;
    private String algorithm;
    private byte[] publicKey;
    private byte[] privateKeyEncrypted;
    @Enumerated(EnumType.STRING)
    private KeyStatus status;
    private Instant createdAt;
    private Instant retiredAt;

    protected SigningKey() {
    }

    SigningKey(String kid, byte[] publicKey, byte[] privateKeyEncrypted, Instant now) {
        this.kid = kid;
        this.algorithm = "RS256";
        this.publicKey = publicKey;
        this.privateKeyEncrypted = privateKeyEncrypted;
        this.status = KeyStatus.CURRENT;
        this.createdAt = now;
    }

    void stepDown() {
        if (status != KeyStatus.CURRENT) {
            throw new IllegalStateException("Only the current key steps down, not a " + status + " one");
        }
        status = KeyStatus.PREVIOUS;
    }

    void retire(Instant now) {
        if (status != KeyStatus.PREVIOUS) {
            throw new IllegalStateException("Only the previous key retires, not a " + status + " one");
        }
        status = KeyStatus.RETIRED;
        retiredAt = now;
    }

    String kid() {
        return kid;
    }

    byte[] publicKey() {
        return publicKey;
    }

    byte[] privateKeyEncrypted() {
        return privateKeyEncrypted;
    }

    KeyStatus status() {
        return status;
    }
}
