package com.thewans.rights.window;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Expired and cancelled windows are history: they are not changed any more. */
class WindowNotEditable extends WansException {

    WindowNotEditable(UUID windowId, WindowStatus status) {
        super(HttpStatus.CONFLICT, "window-not-editable", "Window " + windowId + " is " + status
                + " and can no longer be changed");
        with("windowId", windowId).with("windowStatus", status.name());
    }
}
