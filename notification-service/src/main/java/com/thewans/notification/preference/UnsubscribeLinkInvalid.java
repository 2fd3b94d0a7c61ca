package com.thewans.notification.preference;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** An unsubscribe token that was not signed by this service, or was altered. */
public class UnsubscribeLinkInvalid extends WansException {

    public UnsubscribeLinkInvalid() {
        super(HttpStatus.BAD_REQUEST, "unsubscribe-link-invalid",
                "This unsubscribe link is not valid; open your notification settings instead");
    }
}
