package com.thewans.transcoding.job;

import java.util.UUID;

import org.springframework.stereotype.Component;

import com.thewans.common.events.DomainEvents;

/** transcode.completed and transcode.failed (see docs/events.md), written in the transition's transaction. */
@Component
public class TranscodeEvents {

    public static final String COMPLETED = "transcode.completed";
    public static final String FAILED = "transcode.failed";

    private final DomainEvents events;

    TranscodeEvents(DomainEvents events) {
        this.events = events;
    }

    public UUID completed(TranscodeJob job, JobOutputs outputs) {
        return events.publish(COMPLETED, JobCompleted.of(job, outputs));
    }

    public UUID failed(TranscodeJob job, String reason, int attempts) {
        return events.publish(FAILED, JobFailed.of(job, reason, attempts));
    }
}
