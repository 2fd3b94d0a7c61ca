package com.thewans.notification.send;

import java.util.UUID;

/** What a send did: how many users were told, and the notification when it was one user. */
record SendAnswer(long recipients, UUID notificationId) {
}
