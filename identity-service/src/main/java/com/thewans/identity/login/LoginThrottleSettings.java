package com.thewans.identity.login;

import java.time.Duration;

/**
 * How sign-in failures are throttled ({@code wans.identity.login-throttle}).
 *
 * @param accountFailures failures for one email/phone within the window that lock it
 * @param ipFailures      failures from one client address within the window that lock it; higher,
 *                        because PNG's mobile networks put many people behind one address
 * @param window          how long failures are remembered
 * @param firstLockout    the first lockout; each further failure doubles it
 * @param maxLockout      the longest lockout
 */
public record LoginThrottleSettings(int accountFailures, int ipFailures, Duration window, Duration firstLockout,
        Duration maxLockout) {
}
