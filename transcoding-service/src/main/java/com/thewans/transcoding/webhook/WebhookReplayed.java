package com.thewans.transcoding.webhook;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The same signed request a second time; a worker that retries signs again with a new timestamp. */
class WebhookReplayed extends WansException {

    WebhookReplayed() {
        super(HttpStatus.CONFLICT, "webhook-replayed",
                "This signed request was already received; a retry is signed again with a new timestamp");
    }
}
