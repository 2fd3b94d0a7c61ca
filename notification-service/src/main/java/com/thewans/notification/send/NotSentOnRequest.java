package com.thewans.notification.send;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;
import com.thewans.notification.kind.NotificationType;

/** Sign-in and reset codes come only from identity's events: nobody may send one by request. */
public class NotSentOnRequest extends WansException {

    public NotSentOnRequest(NotificationType type) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "not-sent-on-request",
                type + " is sent only when identity asks for a code, never by request");
        with("notificationType", type.name());
    }
}
