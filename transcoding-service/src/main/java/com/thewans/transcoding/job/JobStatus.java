package com.thewans.transcoding.job;

import java.util.EnumSet;
import java.util.Set;

/** Where a transcoding job is. RUNNING states belong to the worker that holds the job's lease. */
public enum JobStatus {
    QUEUED, PROBING, TRANSCODING, PACKAGING, UPLOADING, COMPLETED, FAILED, CANCELLED;

    public static final Set<JobStatus> ACTIVE = EnumSet.of(QUEUED, PROBING, TRANSCODING, PACKAGING, UPLOADING);
    public static final Set<JobStatus> RUNNING = EnumSet.of(PROBING, TRANSCODING, PACKAGING, UPLOADING);

    public boolean isTerminal() {
        return !ACTIVE.contains(this);
    }

    public boolean canRetry() {
        return this == FAILED || this == CANCELLED;
    }
}
