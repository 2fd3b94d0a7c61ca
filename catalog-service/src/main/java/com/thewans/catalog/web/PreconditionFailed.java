package com.thewans.catalog.web;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** If-Match named a version that is no longer current (RFC 9110: 412). */
public class PreconditionFailed extends WansException {

    public PreconditionFailed(String current) {
        super(HttpStatus.PRECONDITION_FAILED, "precondition-failed",
                "The resource changed since the version in If-Match; reload it and apply your change again");
        with("currentETag", current);
    }
}
