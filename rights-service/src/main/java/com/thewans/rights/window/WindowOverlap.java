package com.thewans.rights.window;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** An exclusive window would share time and territory with another window of the same type and film. */
class WindowOverlap extends WansException {

    WindowOverlap(WindowType type, List<UUID> conflicting) {
        super(HttpStatus.CONFLICT, "window-overlap", "An exclusive " + type
                + " window may not overlap another " + type + " window of the same film in time and territory");
        with("conflictingWindowIds", conflicting);
    }
}
