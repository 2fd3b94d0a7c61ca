package com.thewans.transcoding.job;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** No such job, or one the caller may not see (the two are not told apart). */
public class JobNotFound extends WansException {

    public JobNotFound(UUID jobId) {
        super(HttpStatus.NOT_FOUND, "transcode-job-not-found", "There is no transcoding job " + jobId);
        with("jobId", jobId);
    }
}
