package com.thewans.notification.send;

import java.util.UUID;

/**
 * What a send did: one user is told at once ({@code notificationId}, state DONE); a segment's send is
 * accepted ({@code sendId}, state RUNNING, {@code recipients} the segment's size) and told in the
 * background; follow it at {@code GET /api/notify/sends/{sendId}}.
 */
record SendAnswer(long recipients, UUID notificationId, UUID sendId, String state) {
}
