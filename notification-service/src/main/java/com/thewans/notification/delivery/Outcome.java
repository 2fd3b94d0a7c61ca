package com.thewans.notification.delivery;

/** What one attempt came to: sent, worth trying again later, or never going to work. */
sealed interface Outcome {

    record Sent(String providerId) implements Outcome {
    }

    /** The server is down, busy or answered 4xx: the same message may go through later. */
    record Transient(String error) implements Outcome {
    }

    /** The address is refused (5xx, an invalid number): retrying would only fail again. */
    record Permanent(String error) implements Outcome {
    }

    /** There is no address to send to (yet): retried for a while, then suppressed, not failed. */
    record NoAddress(String error) implements Outcome {
    }
}
