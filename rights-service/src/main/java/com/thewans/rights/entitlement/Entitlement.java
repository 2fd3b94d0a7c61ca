package com.thewans.rights.entitlement;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * One user's right to watch one film (or, for a subscription, every film in an SVOD window) from
 * validFrom until validUntil (open-ended when null). A rental is valid until its start-by time
 * and, once playback starts, for its watch hours from then. Its id is chosen here, so it says
 * itself whether it is new: saving a grant is an insert, not a merge that reads it first.
 */
@Entity
@Table(name = "entitlements")
public class Entitlement implements Persistable<UUID> {

    enum Source { PAYMENT, ADMIN }

    enum Status { ACTIVE, REVOKED }

    @Id
    private UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EntitlementKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Source source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "film_id", updatable = false)
    private UUID filmId;

    @Column(name = "window_id", updatable = false)
    private UUID windowId;

    @Column(name = "transaction_id", updatable = false)
    private UUID transactionId;

    @Column(name = "subscription_id", updatable = false)
    private UUID subscriptionId;

    @Column(name = "valid_from", nullable = false)
    private Instant validFrom;

    @Column(name = "valid_until")
    private Instant validUntil;

    @Column(name = "start_by")
    private Instant startBy;

    @Column(name = "watch_hours")
    private Integer watchHours;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "granted_at", nullable = false, updatable = false)
    private Instant grantedAt;

    @Column(name = "granted_by")
    private String grantedBy;

    private String note;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoke_reason")
    private String revokeReason;

    @Transient
    private boolean grantedNow;

    protected Entitlement() {
    }

    static Entitlement byAdmin(UUID userId, EntitlementKind kind, UUID filmId, UUID windowId, Instant validFrom,
            Instant validUntil, String grantedBy, String note, Instant now) {
        Entitlement e = new Entitlement();
        e.id = UUID.randomUUID();
        e.grantedNow = true;
        e.userId = userId;
        e.kind = kind;
        e.source = Source.ADMIN;
        e.status = Status.ACTIVE;
        e.filmId = filmId;
        e.windowId = windowId;
        e.validFrom = validFrom;
        e.validUntil = validUntil;
        e.grantedAt = now;
        e.grantedBy = grantedBy;
        e.note = note;
        return e;
    }

    /** Returns false when it was already revoked. */
    boolean revoke(String reason, Instant now) {
        if (status == Status.REVOKED) {
            return false;
        }
        status = Status.REVOKED;
        revokedAt = now;
        revokeReason = reason;
        return true;
    }

    boolean usableAt(Instant now) {
        return status == Status.ACTIVE && !validFrom.isAfter(now) && (validUntil == null || now.isBefore(validUntil));
    }

    /** Ownership-like rights hold for one film whatever windows are open. */
    boolean coversFilmDirectly() {
        return kind != EntitlementKind.SUBSCRIPTION;
    }

    @Override
    public UUID getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return grantedNow;
    }

    @PostPersist
    @PostLoad
    void stored() {
        grantedNow = false;
    }

    public UUID id() { return id; }
    public UUID userId() { return userId; }
    public EntitlementKind kind() { return kind; }
    Source source() { return source; }
    Status status() { return status; }
    public UUID filmId() { return filmId; }
    public UUID windowId() { return windowId; }
    public UUID transactionId() { return transactionId; }
    public UUID subscriptionId() { return subscriptionId; }
    public Instant validFrom() { return validFrom; }
    public Instant validUntil() { return validUntil; }
    public Instant startBy() { return startBy; }
    public Integer watchHours() { return watchHours; }
    public Instant startedAt() { return startedAt; }
    public Instant grantedAt() { return grantedAt; }
    String grantedBy() { return grantedBy; }
    String note() { return note; }
    Instant revokedAt() { return revokedAt; }
    String revokeReason() { return revokeReason; }
}
