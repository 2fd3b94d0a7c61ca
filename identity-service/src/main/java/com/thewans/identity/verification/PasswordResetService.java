package com.thewans.identity.verification;

import java.time.Clock;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.audit.AuditLog;
import com.thewans.common.events.DomainEvents;
import com.thewans.identity.account.Contact;
import com.thewans.identity.account.ContactChannel;
import com.thewans.identity.account.PasswordHasher;
import com.thewans.identity.account.PasswordPolicy;
import com.thewans.identity.account.UserAccount;
import com.thewans.identity.account.UserAccountRepository;
import com.thewans.identity.session.EndReason;
import com.thewans.identity.session.SessionService;

/**
 * "Forgot password": a code to the email or phone, then a new password with that code. Asking
 * never reveals whether an account exists; the new password ends every session, since whoever
 * knew the old one may be signed in somewhere.
 */
@Service
class PasswordResetService {

    static final String EVENT = "identity.password_reset_requested";

    private final UserAccountRepository users;
    private final OneTimeCodes codes;
    private final DomainEvents events;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PasswordResetService(UserAccountRepository users, OneTimeCodes codes, DomainEvents events, PasswordPolicy policy,
            PasswordHasher hasher, SessionService sessions, AuditLog audit,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.users = users;
        this.codes = codes;
        this.events = events;
        this.policy = policy;
        this.hasher = hasher;
        this.sessions = sessions;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Does nothing visible for an unknown or disabled account, or one that asked too often. */
    void request(Contact contact) {
        transactions.executeWithoutResult(status -> users.findByContact(contact)
                .filter(UserAccount::isActive)
                .filter(account -> codes.withinRequestQuota(account.id(), CodePurpose.RESET_PASSWORD,
                        contact.channel()))
                .ifPresent(account -> {
                    OneTimeCodes.Issued issued = codes.issue(account.id(), CodePurpose.RESET_PASSWORD, contact);
                    events.publish(EVENT, new CodeRequested(account.id(), contact.channel(), contact.value(),
                            issued.code(), issued.expiresAt()));
                }));
    }

    void confirm(String destination, String code, String newPassword) {
        Contact contact = Contact.parse(destination);
        policy.check(newPassword, contact.channel() == ContactChannel.EMAIL
                ? PasswordPolicy.personalWords(contact.value(), null)
                : PasswordPolicy.personalWords(null, contact.value()));
        // hashed before the transaction: no row stays locked while Argon2 works
        String newHash = hasher.hash(newPassword);
        // a wrong code must still count as an attempt, so the refusal is thrown after the commit
        boolean reset = Boolean.TRUE.equals(transactions.execute(status -> {
            UserAccount account = users.findByContact(contact).orElse(null);
            if (account == null || !codes.redeem(account.id(), CodePurpose.RESET_PASSWORD, contact, code)) {
                return false;
            }
            account.changePassword(newHash);
            // the code reached this email or phone, which proves it as well as a verification would
            if (contact.channel() == ContactChannel.EMAIL) {
                account.confirmEmail(contact.value(), clock.instant());
            } else {
                account.confirmPhone(contact.value(), clock.instant());
            }
            int ended = sessions.endAllOf(account.id(), EndReason.PASSWORD_RESET, null);
            audit.record("identity.password_reset", account.id().toString(), Map.of("sessionsEnded", ended,
                    "channel", contact.channel().name()));
            return true;
        }));
        if (!reset) {
            throw new InvalidCode();
        }
    }
}
