package com.thewans.catalog.web;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** If-Match named a version that is no longer current (RFC 9110: 412). */
public class PreconditionFailed extends WansException {

    public PreconditionFailed(long currentVersion) {
        // same code as rights-service's windows, so clients handle both alike
        super(HttpStatus.PRECONDITION_FAILED, "version-mismatch",
                "The resource changed since the version in If-Match; reload it and apply your change again");
        with("currentVersion", currentVersion);
    }
}
