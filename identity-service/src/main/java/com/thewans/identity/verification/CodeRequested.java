package com.thewans.identity.verification;

import java.time.Instant;
import java.util.UUID;

import com.thewans.identity.account.ContactChannel;

/**
 * Data of identity.verification_requested and identity.password_reset_requested. The code
 * travels in the event because notification-service sends it; the outbox and the event stream
 * are internal to the platform and never exposed to clients.
 */
record CodeRequested(UUID userId, ContactChannel channel, String destination, String code, Instant expiresAt) {

    @Override
    public String toString() {
        return "CodeRequested[" + userId + " " + channel + "]";
    }
}
