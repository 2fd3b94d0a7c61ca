package com.thewans.transcoding.webhook;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A webhook body that is not a report at all: not JSON, or not of the report's shape. */
class MalformedReport extends WansException {

    MalformedReport(String detail) {
        super(HttpStatus.BAD_REQUEST, "malformed-body", detail);
    }
}
