package com.thewans.notification.notification;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A user asked for someone else's inbox; only admins may read any. */
public class InboxOfAnotherUser extends WansException {

    public InboxOfAnotherUser(UUID userId) {
        super(HttpStatus.FORBIDDEN, "inbox-of-another-user", "You may read only your own inbox");
        with("userId", userId);
    }
}
