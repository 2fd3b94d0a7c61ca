package com.thewans.rights.window;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

public class WindowNotFound extends WansException {

    public WindowNotFound(UUID windowId) {
        super(HttpStatus.NOT_FOUND, "window-not-found", "There is no release window " + windowId);
        with("windowId", windowId);
    }
}
