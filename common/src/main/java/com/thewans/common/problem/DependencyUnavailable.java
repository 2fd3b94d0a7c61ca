package com.thewans.common.problem;

import org.springframework.http.HttpStatus;

/** Another service (or a third party) did not answer in time or its circuit is open. */
public class DependencyUnavailable extends WansException {

    public DependencyUnavailable(String dependency, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable",
                dependency + " is not available right now; try again shortly", cause);
        with("dependency", dependency);
    }
}
