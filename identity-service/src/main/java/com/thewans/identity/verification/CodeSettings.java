package com.thewans.identity.verification;

import java.time.Duration;

/**
 * One-time codes for verifying contacts and resetting passwords ({@code wans.identity.one-time-codes}).
 *
 * @param ttl            how long a code works
 * @param maxAttempts    wrong tries before a code is dead
 * @param requestsPerWindow codes one account may request per purpose and channel in the window
 *                       (each costs an SMS or an email, and floods annoy the owner)
 * @param requestWindow  the window for that count
 */
public record CodeSettings(Duration ttl, int maxAttempts, int requestsPerWindow, Duration requestWindow) {
}
