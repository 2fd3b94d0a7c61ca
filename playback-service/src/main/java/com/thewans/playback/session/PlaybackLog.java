package com.thewans.playback.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One playback session as playback_logs keeps it. {@code offerKind} is what allowed watching
 * (rights' {@code via}: RENTAL, PURCHASE, SUBSCRIPTION, AVOD, ...); {@code endedBy} is null while
 * it plays, then STOPPED, LAPSED or REPLACED.
 */
record PlaybackLog(UUID id, UUID userId, UUID filmId, String deviceId, String territory, String offerKind,
        UUID windowId, UUID entitlementId, boolean withAds, String maxQuality, int maxStreams, Instant startedAt, Instant lastBeatAt,
        Instant stoppedAt, String endedBy, int positionSeconds, int watchedSeconds, int bufferingSeconds,
        List<String> renditions, boolean finished) {

    boolean ended() {
        return stoppedAt != null;
    }
}
