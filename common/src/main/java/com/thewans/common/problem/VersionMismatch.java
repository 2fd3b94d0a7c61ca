package com.thewans.common.problem;

import org.springframework.http.HttpStatus;

/** If-Match named a version that is no longer the current one (RFC 9110: 412). */
public class VersionMismatch extends WansException {

    public VersionMismatch(long currentVersion) {
        super(HttpStatus.PRECONDITION_FAILED, "version-mismatch",
                "The resource changed since the version in If-Match; reload it and apply your change again");
        with("currentVersion", currentVersion);
    }
}
