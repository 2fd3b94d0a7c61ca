package com.thewans.identity.admin;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.audit.AuditLog;
import com.thewans.common.events.DomainEvents;
import com.thewans.common.problem.InvalidField;
import com.thewans.common.security.Role;
import com.thewans.identity.account.AccountNotFound;
import com.thewans.identity.account.AccountStateConflict;
import com.thewans.identity.account.UserAccount;
import com.thewans.identity.account.UserAccountRepository;
import com.thewans.identity.session.EndReason;
import com.thewans.identity.session.SessionService;

/**
 * What administrators do to accounts: change roles, disable and enable. Every change is audited
 * and published. Taking a role away ends the account's sessions, so the old role's access
 * tokens stop working at once; a granted role arrives with the next refresh.
 */
@Service
public class AccountAdministration {

    static final String ROLES_CHANGED = "identity.roles_changed";
    static final String DISABLED = "identity.account_disabled";
    static final String ENABLED = "identity.account_enabled";

    private final UserAccountRepository users;
    private final SessionService sessions;
    private final AuditLog audit;
    private final DomainEvents events;
    private final Clock clock;

    AccountAdministration(UserAccountRepository users, SessionService sessions, AuditLog audit, DomainEvents events,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void changeRoles(UUID adminId, UUID userId, Set<Role> roles) {
        if (roles.contains(Role.SERVICE)) {
            throw new InvalidField("roles", "SERVICE belongs to services, not to people");
        }
        if (adminId.equals(userId) && !roles.contains(Role.ADMIN)) {
            throw new AccountStateConflict("cannot-demote-yourself",
                    "Administrators cannot take away their own ADMIN role; ask another administrator");
        }
        UserAccount account = lock(userId);
        Set<Role> before = account.roles();
        account.replaceRoles(roles.isEmpty() ? EnumSet.of(Role.VIEWER) : EnumSet.copyOf(roles));
        recordRoleChange(account, before);
    }

    /** Adds one role (an approved creator application); nothing else changes. */
    @Transactional
    public void grant(UUID userId, Role role) {
        UserAccount account = lock(userId);
        Set<Role> before = account.roles();
        account.grant(role);
        recordRoleChange(account, before);
    }

    @Transactional
    void disable(UUID adminId, UUID userId, String reason) {
        if (adminId.equals(userId)) {
            throw new AccountStateConflict("cannot-disable-yourself",
                    "Administrators cannot disable their own account");
        }
        UserAccount account = lock(userId);
        account.disable(reason, clock.instant());
        int ended = sessions.endAllOf(userId, EndReason.ACCOUNT_DISABLED, null);
        audit.record(DISABLED, userId.toString(), Map.of("reason", reason, "sessionsEnded", ended));
        events.publish(DISABLED, Map.of("userId", userId));
    }

    @Transactional
    void enable(UUID userId) {
        UserAccount account = lock(userId);
        account.enable();
        audit.record(ENABLED, userId.toString(), Map.of());
        events.publish(ENABLED, Map.of("userId", userId));
    }

    private void recordRoleChange(UserAccount account, Set<Role> before) {
        Set<Role> after = account.roles();
        if (after.equals(before)) {
            return;
        }
        if (!after.containsAll(before)) {
            sessions.endAllOf(account.id(), EndReason.ROLES_REDUCED, null);
        }
        audit.record(ROLES_CHANGED, account.id().toString(), Map.of("before", names(before), "after", names(after)));
        events.publish(ROLES_CHANGED, Map.of("userId", account.id(), "roles", names(after),
                "previousRoles", names(before)));
    }

    private UserAccount lock(UUID userId) {
        return users.lockById(userId).orElseThrow(() -> new AccountNotFound(userId));
    }

    private static java.util.List<String> names(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().toList();
    }
}
