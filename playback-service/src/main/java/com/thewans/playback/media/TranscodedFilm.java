package com.thewans.playback.media;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A film's playable media, as the last transcode.completed described it: where the HLS master and
 * the DASH manifest are, and the ladder. Everything else in the folder is named relative to them.
 */
public record TranscodedFilm(UUID filmId, UUID jobId, String bucket, String hlsMasterKey, String dashManifestKey,
        Double durationSeconds, List<Rendition> renditions, Instant completedAt) {

    public String hlsFolder() {
        return hlsMasterKey.substring(0, hlsMasterKey.lastIndexOf('/') + 1);
    }

    public String dashFolder() {
        return dashManifestKey.substring(0, dashManifestKey.lastIndexOf('/') + 1);
    }

    /** The renditions a viewer whose best is {@code cap} may see, best last; never none while the film has any. */
    public List<Rendition> allowedBy(Quality cap) {
        List<Rendition> allowed = renditions.stream().filter(r -> cap.allows(r.lines())).toList();
        if (allowed.isEmpty() && !renditions.isEmpty()) {
            // a film mastered above the plan's best still plays, at its smallest rung
            return List.of(renditions.stream().min((a, b) -> Integer.compare(a.lines(), b.lines())).orElseThrow());
        }
        return allowed;
    }

    /** Whole seconds, at least one, so positions can be weighed against it. */
    public int wholeSeconds() {
        return durationSeconds == null ? 0 : (int) Math.max(1, Math.round(durationSeconds));
    }
}
