package com.thewans.transcoding.job;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A job as stored; state changes go through {@link JobStore}'s guarded transitions. */
public record TranscodeJob(UUID id, UUID filmId, UUID creatorId, String sourceBucket, String sourceKey,
        List<String> requestedRungs, JobStatus status, int progress, int attempts, int maxAttempts, UUID leaseToken,
        Instant leaseExpiresAt, String workerId, String executor, String failureReason, String failureLog,
        String sourceInfo, String outputs, Double durationSeconds, Instant createdAt, Instant updatedAt,
        Instant startedAt, Instant finishedAt) {

    public boolean visibleTo(UUID userId, boolean admin) {
        return admin || creatorId.equals(userId);
    }
}
