package com.thewans.identity.account;

import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.audit.AuditLog;
import com.thewans.common.security.Role;

/**
 * Admins are made by admins, so a new installation needs its first one from outside: when
 * FIRST_ADMIN_EMAIL and FIRST_ADMIN_PASSWORD are set (from a secret) and no account holds ADMIN yet,
 * that account is created (or, if it exists, promoted) as an administrator with its email counted
 * as verified. Once any administrator exists this does nothing, so a forgotten setting can never
 * re-promote an account that was deliberately demoted.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserAccountRepository users;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String email;
    private final String password;

    FirstAdministrator(UserAccountRepository users, PasswordPolicy policy, PasswordHasher hasher, AuditLog audit,
            PlatformTransactionManager transactionManager, Clock clock,
            @Value("${wans.identity.first-admin.email:}") String email,
            @Value("${wans.identity.first-admin.password:}") String password) {
        this.users = users;
        this.policy = policy;
        this.hasher = hasher;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (email.isBlank()) {
            return;
        }
        if (password.isBlank()) {
            throw new IllegalStateException("FIRST_ADMIN_EMAIL is set, so FIRST_ADMIN_PASSWORD must be set too");
        }
        if (users.anyAdministrator()) {
            return;
        }
        EmailAddress address = EmailAddress.of(email);
        policy.check(password, PasswordPolicy.personalWords(address.value(), null));
        String hash = hasher.hash(password);
        try {
            transactions.executeWithoutResult(status -> {
                UserAccount account = users.findByEmail(address.value())
                        .orElseGet(() -> users.save(UserAccount.register(address, null, hash, clock.instant())));
                if (!account.emailVerified()) {
                    account.confirmEmail(address.value(), clock.instant());
                }
                account.grant(Role.ADMIN);
                users.saveAndFlush(account);
                audit.record("identity.first_admin_granted", account.id().toString(), Map.of("email", address.value()));
                log.info("First administrator {} is ready", address.value());
            });
        } catch (DataIntegrityViolationException e) {
            // another instance created it in the same moment
            log.info("First administrator was created by another instance");
        }
    }
}
