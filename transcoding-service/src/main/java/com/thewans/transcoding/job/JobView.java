package com.thewans.transcoding.job;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A job as its creator (or an admin) sees it. {@code failureLog}, FFmpeg's last lines, is for admins only. */
public record JobView(UUID id, UUID filmId, UUID creatorId, JobStatus status, int progress, List<String> renditions,
        String sourceKey, int attempts, int maxAttempts, String workerId, String failureReason, String failureLog,
        JsonNode source, JsonNode outputs, Double durationSeconds, Instant createdAt, Instant startedAt,
        Instant finishedAt, Instant updatedAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static JobView of(TranscodeJob job, boolean admin) {
        return new JobView(job.id(), job.filmId(), job.creatorId(), job.status(), job.progress(),
                job.requestedRungs(), job.sourceKey(), job.attempts(), job.maxAttempts(), job.workerId(),
                job.failureReason(), admin ? job.failureLog() : null,
                job.sourceInfo() == null ? null : JSON.readTree(job.sourceInfo()),
                job.outputs() == null ? null : JSON.readTree(job.outputs()), job.durationSeconds(), job.createdAt(),
                job.startedAt(), job.finishedAt(), job.updatedAt());
    }
}
