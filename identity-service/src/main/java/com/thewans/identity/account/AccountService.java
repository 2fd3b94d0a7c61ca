package com.thewans.identity.account;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.audit.AuditLog;
import com.thewans.common.events.DomainEvents;
import com.thewans.common.problem.WansException;
import com.thewans.identity.login.LoginThrottle;
import com.thewans.identity.profile.ProfileService;
import com.thewans.identity.session.EndReason;
import com.thewans.identity.session.SessionService;
import com.thewans.identity.verification.VerificationService;
import com.thewans.identity.web.InvalidField;

/** Creating accounts and changing their password. */
@Service
class AccountService {

    static final String REGISTERED = "identity.user_registered";

    private final UserAccountRepository users;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final ProfileService profiles;
    private final VerificationService verification;
    private final SessionService sessions;
    private final DomainEvents events;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final LoginThrottle throttle;

    AccountService(UserAccountRepository users, PasswordPolicy policy, PasswordHasher hasher, ProfileService profiles,
            VerificationService verification, SessionService sessions, DomainEvents events, AuditLog audit,
            PlatformTransactionManager transactionManager, Clock clock, LoginThrottle throttle) {
        this.users = users;
        this.policy = policy;
        this.hasher = hasher;
        this.profiles = profiles;
        this.verification = verification;
        this.sessions = sessions;
        this.events = events;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.throttle = throttle;
    }

    UserAccount register(AccountController.Registration registration) {
        boolean hasEmail = registration.email() != null && !registration.email().isBlank();
        boolean hasPhone = registration.phone() != null && !registration.phone().isBlank();
        if (!hasEmail && !hasPhone) {
            throw new InvalidField("email", "send an email, a phone number or both");
        }
        EmailAddress email = hasEmail ? EmailAddress.of(registration.email()) : null;
        PhoneNumber phone = hasPhone ? PhoneNumber.of(registration.phone()) : null;
        policy.check(registration.password(), PasswordPolicy.personalWords(email == null ? null : email.value(),
                phone == null ? null : phone.value()));
        ensureFree(email, phone);
        String hash = hasher.hash(registration.password());
        try {
            return transactions.execute(status -> {
                UserAccount account = users.saveAndFlush(UserAccount.register(email, phone, hash, clock.instant()));
                profiles.createFor(account.id(), registration.displayName() != null ? registration.displayName()
                        : defaultDisplayName(email, phone));
                verification.sendCodesToNewAccount(account);
                events.publish(REGISTERED, Map.of("userId", account.id(),
                        "registeredWith", email != null ? "EMAIL" : "PHONE"));
                return account;
            });
        } catch (DataIntegrityViolationException e) {
            // someone registered the same email or phone in the moment since ensureFree
            ensureFree(email, phone);
            throw e;
        }
    }

    void changePassword(UUID userId, UUID currentSession, String currentPassword, String newPassword,
            String address) {
        UserAccount account = users.findById(userId).orElseThrow(() -> new WansException(HttpStatus.NOT_FOUND,
                "account-not-found", "There is no account for this token"));
        // a stolen access token must not become a way to guess the password without limit
        String throttleKey = LoginThrottle.accountKey(account.email() != null ? account.email()
                : account.phone() != null ? account.phone() : userId.toString());
        throttle.ensureAllowed(throttleKey, address);
        if (account.passwordHash() == null || !hasher.matches(currentPassword, account.passwordHash())) {
            throttle.failed(throttleKey, address);
            throw new WansException(HttpStatus.FORBIDDEN, "wrong-password", "The current password is not right");
        }
        throttle.succeeded(throttleKey);
        policy.check(newPassword, PasswordPolicy.personalWords(account.email(), account.phone()));
        String hash = hasher.hash(newPassword);
        transactions.executeWithoutResult(status -> {
            UserAccount locked = users.lockById(userId).orElseThrow();
            locked.changePassword(hash);
            int ended = sessions.endAllOf(userId, EndReason.PASSWORD_CHANGED, currentSession);
            audit.record("identity.password_changed", userId.toString(), Map.of("otherSessionsEnded", ended));
        });
    }

    UserAccount get(UUID userId) {
        return users.findById(userId).orElseThrow(() -> new WansException(HttpStatus.NOT_FOUND, "account-not-found",
                "There is no account for this token"));
    }

    private void ensureFree(EmailAddress email, PhoneNumber phone) {
        if (email != null && users.existsByEmail(email.value())) {
            throw new AccountAlreadyExists("email");
        }
        if (phone != null && users.existsByPhone(phone.value())) {
            throw new AccountAlreadyExists("phone");
        }
    }

    private static String defaultDisplayName(EmailAddress email, PhoneNumber phone) {
        if (email != null) {
            return email.value().substring(0, email.value().indexOf('@'));
        }
        return "Viewer " + phone.value().substring(phone.value().length() - 4);
    }
}
