package com.thewans.transcoding.job;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The masters bucket has no object at the key a start names: it was never uploaded. */
public class MasterNotFound extends WansException {

    public MasterNotFound(String sourceKey) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "master-not-found", "There is no master at that key; upload it first");
        with("sourceKey", sourceKey);
    }
}
