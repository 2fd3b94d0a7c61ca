package com.thewans.rights.window;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** startsRelativeTo names a window this one cannot follow. */
class InvalidAnchor extends WansException {

    InvalidAnchor(UUID anchorId, String why) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-window-anchor", "The window cannot start relative to "
                + anchorId + ": " + why);
        with("anchorWindowId", anchorId);
    }
}
