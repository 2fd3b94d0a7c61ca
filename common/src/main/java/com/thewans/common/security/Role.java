package com.thewans.common.security;

import java.util.Optional;

/** Roles a token can carry. SERVICE is for services calling on their own behalf, not for people. */
public enum Role {
    VIEWER, CREATOR, ADMIN, SERVICE;

    /** Unknown role names in a token are ignored rather than failing the whole request. */
    static Optional<Role> parse(String name) {
        try {
            return Optional.of(Role.valueOf(name));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
