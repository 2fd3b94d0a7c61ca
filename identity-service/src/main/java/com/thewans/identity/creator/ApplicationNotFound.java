package com.thewans.identity.creator;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** No creator application with that id. */
class ApplicationNotFound extends WansException {

    ApplicationNotFound(UUID applicationId) {
        super(HttpStatus.NOT_FOUND, "application-not-found", "There is no creator application " + applicationId);
        with("applicationId", applicationId);
    }
}
