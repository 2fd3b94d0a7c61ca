package com.thewans.rights.window;

/** SCHEDULED -> ACTIVE -> EXPIRED on the window's own times; SCHEDULED or ACTIVE -> CANCELLED by an admin. */
public enum WindowStatus {
    SCHEDULED, ACTIVE, EXPIRED, CANCELLED
}
