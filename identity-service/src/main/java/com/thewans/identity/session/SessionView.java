package com.thewans.identity.session;

import java.time.Instant;
import java.util.UUID;

/** A session as its owner sees it in "where you are signed in". */
public record SessionView(UUID id, Device device, SignInMethod signInMethod, String userAgent, String ipAddress,
        Instant createdAt, Instant lastSeenAt, boolean current) {

    public record Device(UUID id, String name, String type) {
    }
}
