package com.thewans.identity.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.thewans.identity.web.ClientOrigin;

/** One signed-in client: its refresh tokens form one family, and its access tokens carry its id. */
@Entity
@Table(name = "sessions")
class Session {

    @Id
    private UUID id;
    private UUID userId;
    private UUID deviceId;
    @Enumerated(EnumType.STRING)
    private SignInMethod signInMethod;
    private String userAgent;
    private String ipAddress;
    private Instant createdAt;
    private Instant lastSeenAt;
    private Instant revokedAt;
    @Enumerated(EnumType.STRING)
    private EndReason revokeReason;

    protected Session() {
    }

    static Session open(UUID userId, UUID deviceId, SignInMethod method, ClientOrigin origin, Instant now) {
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.userId = userId;
        session.deviceId = deviceId;
        session.signInMethod = method;
        session.userAgent = origin.userAgent();
        session.ipAddress = origin.ipAddress();
        session.createdAt = now;
        session.lastSeenAt = now;
        return session;
    }

    void seen(ClientOrigin origin, Instant now) {
        this.userAgent = origin.userAgent();
        this.ipAddress = origin.ipAddress();
        this.lastSeenAt = now;
    }

    void end(EndReason reason, Instant now) {
        if (revokedAt != null) {
            throw new IllegalStateException("Session " + id + " has already ended");
        }
        this.revokedAt = now;
        this.revokeReason = reason;
    }

    boolean isActive() {
        return revokedAt == null;
    }

    UUID id() {
        return id;
    }

    UUID userId() {
        return userId;
    }

    UUID deviceId() {
        return deviceId;
    }

    SignInMethod signInMethod() {
        return signInMethod;
    }

    String userAgent() {
        return userAgent;
    }

    String ipAddress() {
        return ipAddress;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastSeenAt() {
        return lastSeenAt;
    }
}
