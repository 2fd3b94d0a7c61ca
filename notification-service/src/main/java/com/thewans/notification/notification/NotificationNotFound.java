package com.thewans.notification.notification;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** No notification with that id in the caller's inbox (another user's is not found either). */
public class NotificationNotFound extends WansException {

    public NotificationNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, "notification-not-found", "There is no notification " + id + " in your inbox");
        with("notificationId", id);
    }
}
