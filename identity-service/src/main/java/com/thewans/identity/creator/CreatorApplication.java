package com.thewans.identity.creator;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.thewans.identity.account.AccountStateConflict;

/** A viewer asking to publish films on THE WANS; an administrator approves or rejects it once. */
@Entity
@Table(name = "creator_applications")
class CreatorApplication {

    @Id
    private UUID id;
    private UUID userId;
    private String pitch;
    private String portfolioUrl;
    @Enumerated(EnumType.STRING)
    private ApplicationStatus status;
    private Instant submittedAt;
    private Instant decidedAt;
    private UUID decidedBy;
    private String decisionNote;

    protected CreatorApplication() {
    }

    static CreatorApplication submit(UUID userId, String pitch, String portfolioUrl, Instant now) {
        CreatorApplication application = new CreatorApplication();
        application.id = UUID.randomUUID();
        application.userId = userId;
        application.pitch = pitch;
        application.portfolioUrl = portfolioUrl;
        application.status = ApplicationStatus.PENDING;
        application.submittedAt = now;
        return application;
    }

    void approve(UUID adminId, String note, Instant now) {
        decide(ApplicationStatus.APPROVED, adminId, note, now);
    }

    void reject(UUID adminId, String note, Instant now) {
        decide(ApplicationStatus.REJECTED, adminId, note, now);
    }

    private void decide(ApplicationStatus decision, UUID adminId, String note, Instant now) {
        if (status != ApplicationStatus.PENDING) {
            throw new AccountStateConflict("application-decided", "This application was already " 
                    + status.name().toLowerCase(java.util.Locale.ROOT));
        }
        status = decision;
        decidedBy = adminId;
        decisionNote = note;
        decidedAt = now;
    }

    CreatorApplicationController.ApplicationView view() {
        return new CreatorApplicationController.ApplicationView(id, userId, pitch, portfolioUrl, status, submittedAt,
                decidedAt, decisionNote);
    }

    UUID userId() {
        return userId;
    }

    ApplicationStatus status() {
        return status;
    }
}
