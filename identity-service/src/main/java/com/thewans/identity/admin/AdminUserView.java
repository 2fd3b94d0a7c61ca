package com.thewans.identity.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.thewans.identity.account.AccountStatus;
import com.thewans.identity.account.UserAccount;

/** An account as administrators see it. */
record AdminUserView(UUID id, String email, boolean emailVerified, String phone, boolean phoneVerified,
        String displayName, List<String> roles, AccountStatus status, Instant createdAt, Instant lastLoginAt,
        Instant disabledAt, String disabledReason) {

    static AdminUserView of(UserAccount account, String displayName) {
        return new AdminUserView(account.id(), account.email(), account.emailVerified(), account.phone(),
                account.phoneVerified(), displayName, account.roles().stream().map(Enum::name).sorted().toList(),
                account.status(), account.createdAt(), account.lastLoginAt(), account.disabledAt(),
                account.disabledReason());
    }
}
