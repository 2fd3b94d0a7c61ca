package com.thewans.notification.send;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** No announcement with that id. */
public class SendNotFound extends WansException {

    public SendNotFound(UUID id) {
        super(HttpStatus.NOT_FOUND, "send-not-found", "There is no send " + id);
        with("sendId", id);
    }
}
