package com.thewans.identity.account;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import com.thewans.common.security.Role;

/** A person's account: how they sign in, what they may do, and whether they still may. */
@Entity
@Table(name = "users")
public class UserAccount {

    @Id
    private UUID id;
    private String email;
    private Instant emailVerifiedAt;
    private String phone;
    private Instant phoneVerifiedAt;
    private String passwordHash;
    @Convert(converter = RolesColumn.class)
    @Column(name = "roles")
    private Set<Role> roles;
    @Enumerated(EnumType.STRING)
    private AccountStatus status;
    private Instant disabledAt;
    private String disabledReason;
    private Instant createdAt;
    private Instant lastLoginAt;
    @Version
    private long version;

    protected UserAccount() {
    }

    private UserAccount(UUID id, String email, String phone, String passwordHash, Instant now) {
        this.id = id;
        this.email = email;
        this.phone = phone;
        this.passwordHash = passwordHash;
        this.roles = Set.of(Role.VIEWER);
        this.status = AccountStatus.ACTIVE;
        this.createdAt = now;
    }

    public static UserAccount register(EmailAddress email, PhoneNumber phone, String passwordHash, Instant now) {
        if (email == null && phone == null) {
            throw new IllegalArgumentException("An account needs an email or a phone number");
        }
        return new UserAccount(UUID.randomUUID(), email == null ? null : email.value(),
                phone == null ? null : phone.value(), passwordHash, now);
    }

    /** An account created by signing in with a wallet: no email, phone or password yet. */
    public static UserAccount forWallet(Instant now) {
        return new UserAccount(UUID.randomUUID(), null, null, null, now);
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    public void recordSignIn(Instant now) {
        this.lastLoginAt = now;
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
    }

    public void confirmEmail(String verifiedEmail, Instant now) {
        if (!verifiedEmail.equals(email)) {
            throw new IllegalStateException("The verified email is no longer the account's email");
        }
        this.emailVerifiedAt = now;
    }

    public void confirmPhone(String verifiedPhone, Instant now) {
        if (!verifiedPhone.equals(phone)) {
            throw new IllegalStateException("The verified phone is no longer the account's phone");
        }
        this.phoneVerifiedAt = now;
    }

    /** Every person is a viewer; SERVICE is for services and never held by an account. */
    public void replaceRoles(Set<Role> newRoles) {
        if (newRoles.contains(Role.SERVICE)) {
            throw new IllegalArgumentException("SERVICE is not a role for people");
        }
        EnumSet<Role> roles = EnumSet.of(Role.VIEWER);
        roles.addAll(newRoles);
        this.roles = Set.copyOf(roles);
    }

    public void grant(Role role) {
        EnumSet<Role> roles = EnumSet.copyOf(this.roles);
        roles.add(role);
        replaceRoles(roles);
    }

    public void disable(String reason, Instant now) {
        if (status == AccountStatus.DISABLED) {
            throw new AccountStateConflict("account-already-disabled", "The account is already disabled");
        }
        this.status = AccountStatus.DISABLED;
        this.disabledAt = now;
        this.disabledReason = reason;
    }

    public void enable() {
        if (status == AccountStatus.ACTIVE) {
            throw new AccountStateConflict("account-not-disabled", "The account is not disabled");
        }
        this.status = AccountStatus.ACTIVE;
        this.disabledAt = null;
        this.disabledReason = null;
    }

    public UUID id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    public boolean phoneVerified() {
        return phoneVerifiedAt != null;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        return roles;
    }

    public AccountStatus status() {
        return status;
    }

    public Instant disabledAt() {
        return disabledAt;
    }

    public String disabledReason() {
        return disabledReason;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastLoginAt() {
        return lastLoginAt;
    }
}
