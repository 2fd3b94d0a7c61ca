package com.thewans.transcoding.job;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * transcode.completed (docs/events.md): the job, its film and creator, and where the outputs are.
 * An external worker's report carries only what it sent plus {@code worker}; absent members are
 * left out rather than sent as null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobCompleted(UUID jobId, UUID filmId, UUID creatorId, String bucket, String hlsMasterKey,
        String dashManifestKey, String posterKey, String spriteKey, String thumbnailsVttKey,
        JobOutputs.Encryption encryption, List<JobOutputs.Rendition> renditions, Double durationSeconds,
        String worker) {

    static JobCompleted of(TranscodeJob job, JobOutputs outputs) {
        return new JobCompleted(job.id(), job.filmId(), job.creatorId(), outputs.bucket(), outputs.hlsMasterKey(),
                outputs.dashManifestKey(), outputs.posterKey(), outputs.spriteKey(), outputs.thumbnailsVttKey(),
                outputs.encryption(), outputs.renditions(), outputs.durationSeconds(), outputs.worker());
    }
}
