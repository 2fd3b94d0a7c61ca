package com.thewans.identity.creator;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.audit.AuditLog;
import com.thewans.common.security.Role;
import com.thewans.identity.account.AccountNotFound;
import com.thewans.identity.account.AccountStateConflict;
import com.thewans.identity.account.UserAccountRepository;
import com.thewans.identity.admin.AccountAdministration;

/** The way to the CREATOR role: a viewer applies, an administrator decides. */
@Service
class CreatorApplications {

    private final CreatorApplicationRepository applications;
    private final UserAccountRepository users;
    private final AccountAdministration administration;
    private final AuditLog audit;
    private final Clock clock;

    CreatorApplications(CreatorApplicationRepository applications, UserAccountRepository users,
            AccountAdministration administration, AuditLog audit, Clock clock) {
        this.applications = applications;
        this.users = users;
        this.administration = administration;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    CreatorApplication submit(UUID userId, String pitch, String portfolioUrl) {
        var account = users.findById(userId).orElseThrow(AccountNotFound::new);
        if (account.roles().contains(Role.CREATOR)) {
            throw new AccountStateConflict("already-creator", "You are a creator already");
        }
        if (applications.existsByUserIdAndStatus(userId, ApplicationStatus.PENDING)) {
            throw pendingAlready();
        }
        try {
            return applications.saveAndFlush(CreatorApplication.submit(userId, pitch.strip(), portfolioUrl,
                    clock.instant()));
        } catch (DataIntegrityViolationException e) {
            // a second submission raced this one past the check; the unique index kept one
            throw pendingAlready();
        }
    }

    @Transactional(readOnly = true)
    List<CreatorApplication> of(UUID userId) {
        return applications.findByUserIdOrderBySubmittedAtDesc(userId);
    }

    @Transactional(readOnly = true)
    Page<CreatorApplication> withStatus(ApplicationStatus status, Pageable page) {
        return applications.findByStatusOrderBySubmittedAtAsc(status, page);
    }

    @Transactional
    CreatorApplication approve(UUID applicationId, UUID adminId, String note) {
        CreatorApplication application = lock(applicationId);
        application.approve(adminId, note, clock.instant());
        administration.grant(application.userId(), Role.CREATOR);
        audit.record("identity.creator_application_approved", application.userId().toString(),
                Map.of("applicationId", applicationId.toString()));
        return application;
    }

    @Transactional
    CreatorApplication reject(UUID applicationId, UUID adminId, String note) {
        CreatorApplication application = lock(applicationId);
        application.reject(adminId, note, clock.instant());
        audit.record("identity.creator_application_rejected", application.userId().toString(),
                Map.of("applicationId", applicationId.toString()));
        return application;
    }

    private CreatorApplication lock(UUID applicationId) {
        return applications.lockById(applicationId).orElseThrow(() -> new ApplicationNotFound(applicationId));
    }

    private static AccountStateConflict pendingAlready() {
        return new AccountStateConflict("application-pending",
                "You have an application waiting for a decision already");
    }
}
