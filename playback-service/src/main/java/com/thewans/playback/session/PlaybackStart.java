package com.thewans.playback.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to a start: the session, its token (also inside every URL here), where the manifests
 * are, what allowed watching and until when, and where to resume. {@code adScheduleUrl} is the
 * session's VMAP at advertising-service when the offer plays with ads (AVOD), null otherwise.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PlaybackStart(UUID sessionId, UUID filmId, String deviceId, String token, Instant tokenExpiresAt,
        Manifests manifests, String keyUrl, String licenceUrl, Offer offer, Instant watchUntil, String maxQuality,
        List<String> renditions, int resumePositionSeconds, int heartbeatIntervalSeconds, int leaseSeconds,
        String adScheduleUrl) {

    public record Manifests(String hls, String dash) {
    }

    /** What allowed watching: rights' {@code via} (RENTAL, SUBSCRIPTION, AVOD, ...), its window, and ads. */
    public record Offer(String kind, UUID windowId, boolean withAds, String plan) {
    }
}
