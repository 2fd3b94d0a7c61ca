package com.thewans.notification.delivery;

import java.time.Instant;

record AttemptView(int attempt, Instant attemptedAt, String outcome, String error) {
}
