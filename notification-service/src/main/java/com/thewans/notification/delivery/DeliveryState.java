package com.thewans.notification.delivery;

/**
 * Where one channel's delivery of a notification stands. QUEUED waits for its (next) attempt;
 * SENT, FAILED (permanently: a bad address, or too many tries) and SUPPRESSED (the user's
 * preference, or no address to send to) are final.
 */
public enum DeliveryState {
    QUEUED, SENT, FAILED, SUPPRESSED
}
