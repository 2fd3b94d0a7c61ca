package com.thewans.identity.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An account as its owner sees it. */
public record AccountView(UUID id, String email, boolean emailVerified, String phone, boolean phoneVerified,
        List<String> roles, AccountStatus status, Instant createdAt) {

    public static AccountView of(UserAccount account) {
        return new AccountView(account.id(), account.email(), account.emailVerified(), account.phone(),
                account.phoneVerified(), account.roles().stream().map(Enum::name).sorted().toList(), account.status(),
                account.createdAt());
    }
}
