package com.thewans.rights.window;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Changes name the version they were made against (If-Match), so no one overwrites an unseen change. */
class VersionPrecondition extends WansException {

    private VersionPrecondition(HttpStatus status, String code, String detail) {
        super(status, code, detail);
    }

    static VersionPrecondition missing() {
        return new VersionPrecondition(HttpStatus.PRECONDITION_REQUIRED, "precondition-required",
                "Send If-Match with the window's ETag (its version) to change it");
    }

    static VersionPrecondition stale(long current) {
        VersionPrecondition problem = new VersionPrecondition(HttpStatus.PRECONDITION_FAILED, "version-mismatch",
                "The window was changed since you read it; reload it and apply your change again");
        problem.with("currentVersion", current);
        return problem;
    }
}
