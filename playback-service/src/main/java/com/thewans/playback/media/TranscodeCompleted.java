package com.thewans.playback.media;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Our own view of transcode.completed's data (docs/events.md): only what playback serves from. */
@JsonIgnoreProperties(ignoreUnknown = true)
record TranscodeCompleted(UUID jobId, UUID filmId, String bucket, String hlsMasterKey, String dashManifestKey,
        List<Rendition> renditions, Double durationSeconds) {

    TranscodeCompleted {
        if (jobId == null || filmId == null || hlsMasterKey == null || dashManifestKey == null) {
            throw new IllegalArgumentException("transcode.completed needs jobId, filmId, hlsMasterKey and "
                    + "dashManifestKey");
        }
        renditions = renditions == null ? List.of() : List.copyOf(renditions);
    }
}
