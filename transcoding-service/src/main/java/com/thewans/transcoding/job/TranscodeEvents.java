package com.thewans.transcoding.job;

import java.util.LinkedHashMap;
import java.util.Map;
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

    public UUID completed(TranscodeJob job, Map<String, Object> outputs) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("jobId", job.id());
        data.put("filmId", job.filmId());
        data.put("creatorId", job.creatorId());
        data.putAll(outputs);
        return events.publish(COMPLETED, data);
    }

    public UUID failed(TranscodeJob job, String reason, int attempts) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("jobId", job.id());
        data.put("filmId", job.filmId());
        data.put("creatorId", job.creatorId());
        data.put("reason", reason);
        data.put("attempts", attempts);
        return events.publish(FAILED, data);
    }
}
