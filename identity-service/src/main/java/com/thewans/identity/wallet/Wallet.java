package com.thewans.identity.wallet;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An Ethereum address that signs in to one account. */
@Entity
@Table(name = "wallets")
class Wallet {

    @Id
    private String address;
    private UUID userId;
    private Instant linkedAt;

    protected Wallet() {
    }

    Wallet(String address, UUID userId, Instant now) {
        this.address = address;
        this.userId = userId;
        this.linkedAt = now;
    }

    String address() {
        return address;
    }

    UUID userId() {
        return userId;
    }

    Instant linkedAt() {
        return linkedAt;
    }
}
