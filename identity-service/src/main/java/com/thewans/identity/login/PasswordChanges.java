package com.thewans.identity.login;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.audit.AuditLog;
import com.thewans.identity.account.AccountNotFound;
import com.thewans.identity.account.PasswordHasher;
import com.thewans.identity.account.PasswordPolicy;
import com.thewans.identity.account.UserAccount;
import com.thewans.identity.account.UserAccountRepository;
import com.thewans.identity.session.EndReason;
import com.thewans.identity.session.SessionService;

/** Changing a password: the current one is checked like a sign-in, and every other session ends. */
@Service
class PasswordChanges {

    private final UserAccountRepository users;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SessionService sessions;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    PasswordChanges(UserAccountRepository users, PasswordPolicy policy, PasswordHasher hasher, LoginThrottle throttle,
            SessionService sessions, AuditLog audit, PlatformTransactionManager transactionManager) {
        this.users = users;
        this.policy = policy;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    void change(UUID userId, UUID currentSession, String currentPassword, String newPassword, String address) {
        UserAccount account = users.findById(userId).orElseThrow(AccountNotFound::new);
        // a stolen access token must not become a way to guess the password without limit
        String throttleKey = LoginThrottle.accountKey(account.email() != null ? account.email()
                : account.phone() != null ? account.phone() : userId.toString());
        throttle.ensureAllowed(throttleKey, address);
        if (account.passwordHash() == null || !hasher.matches(currentPassword, account.passwordHash())) {
            throttle.failed(throttleKey, address);
            throw new WrongPassword();
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
}
