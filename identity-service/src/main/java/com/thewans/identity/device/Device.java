package com.thewans.identity.device;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A phone, browser or TV an account has signed in from; the account may hold a limited number. */
@Entity
@Table(name = "devices")
public class Device {

    @Id
    private UUID id;
    private UUID userId;
    private String fingerprint;
    private String name;
    @Enumerated(EnumType.STRING)
    private DeviceType type;
    private Instant registeredAt;
    private Instant lastSeenAt;

    protected Device() {
    }

    static Device register(UUID userId, DeviceDetails details, Instant now) {
        Device device = new Device();
        device.id = UUID.randomUUID();
        device.userId = userId;
        device.fingerprint = details.fingerprint();
        device.name = details.name();
        device.type = details.type();
        device.registeredAt = now;
        device.lastSeenAt = now;
        return device;
    }

    void signedInAgain(DeviceDetails details, Instant now) {
        this.name = details.name();
        this.type = details.type();
        this.lastSeenAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    public DeviceType type() {
        return type;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }
}
