package com.thewans.common.problem;

import org.springframework.http.HttpStatus;

/** A change that must name the version it was made against came without If-Match (RFC 6585: 428). */
public class PreconditionRequired extends WansException {

    public PreconditionRequired(String what) {
        super(HttpStatus.PRECONDITION_REQUIRED, "precondition-required",
                "Send If-Match with the " + what + "'s ETag (its version) to change it");
    }
}
