package com.thewans.transcoding.webhook;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A webhook body over the limit: reports are small, outputs are keys, not files. */
class WebhookTooLarge extends WansException {

    WebhookTooLarge(int maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Webhook bodies are at most " + maxBytes + " bytes");
        with("maxBytes", maxBytes);
    }
}
