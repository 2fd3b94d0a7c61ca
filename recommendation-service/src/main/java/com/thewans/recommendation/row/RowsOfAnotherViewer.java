package com.thewans.recommendation.row;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** 403: a viewer asked for someone else's rows (only admins may). */
class RowsOfAnotherViewer extends WansException {

    RowsOfAnotherViewer(UUID userId) {
        super(HttpStatus.FORBIDDEN, "rows-of-another-viewer", "The recommendations of viewer " + userId
                + " are theirs; only an admin may look at them");
        with("userId", userId);
    }
}
