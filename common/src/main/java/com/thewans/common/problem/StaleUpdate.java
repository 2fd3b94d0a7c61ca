package com.thewans.common.problem;

import org.springframework.http.HttpStatus;

/**
 * Someone else changed the resource first: the version the client sent in its body is not the
 * current one, or another writer won a race inside the request (409 {@code stale-update}).
 */
public class StaleUpdate extends WansException {

    public StaleUpdate(long currentVersion) {
        super(HttpStatus.CONFLICT, "stale-update",
                "The resource was changed by someone else; reload it and apply your change again");
        with("currentVersion", currentVersion);
    }
}
