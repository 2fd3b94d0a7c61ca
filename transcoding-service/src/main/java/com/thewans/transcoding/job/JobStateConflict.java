package com.thewans.transcoding.job;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/**
 * The job is in a state that does not allow the operation (cancel a finished job, retry a running
 * one); {@code jobStatus} says which state, since {@code status} is the problem's HTTP status.
 */
public class JobStateConflict extends WansException {

    public JobStateConflict(UUID jobId, JobStatus status, String detail) {
        super(HttpStatus.CONFLICT, "transcode-job-state-conflict", detail);
        with("jobId", jobId);
        with("jobStatus", status.name());
    }
}
