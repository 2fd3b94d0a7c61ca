package com.thewans.transcoding.job;

import java.util.UUID;

/** transcode.failed (docs/events.md): a reason safe to show the creator, and how many starts it had. */
public record JobFailed(UUID jobId, UUID filmId, UUID creatorId, String reason, int attempts) {

    static JobFailed of(TranscodeJob job, String reason, int attempts) {
        return new JobFailed(job.id(), job.filmId(), job.creatorId(), reason, attempts);
    }
}
