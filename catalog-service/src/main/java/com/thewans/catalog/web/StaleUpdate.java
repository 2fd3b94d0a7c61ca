package com.thewans.catalog.web;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The body's version is not the current one, or someone changed the resource meanwhile. */
public class StaleUpdate extends WansException {

    public StaleUpdate(long currentVersion) {
        super(HttpStatus.CONFLICT, "stale-update",
                "The resource was changed by someone else; reload it and apply your change again");
        with("currentVersion", currentVersion);
    }
}
