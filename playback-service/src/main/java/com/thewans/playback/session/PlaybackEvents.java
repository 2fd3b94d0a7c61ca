package com.thewans.playback.session;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.thewans.common.events.DomainEvents;

/** playback.started / playback.stopped; shapes documented in docs/events.md. */
@Component
class PlaybackEvents {

    static final String STARTED = "playback.started";
    static final String STOPPED = "playback.stopped";

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PlaybackStarted(UUID sessionId, UUID userId, UUID filmId, String deviceId, String territory,
            String offerKind, UUID windowId, UUID entitlementId, boolean withAds, String maxQuality,
            Instant startedAt, int resumeFromSeconds) {
    }

    /** Watch time by film, territory and offer kind: what royalty splits SVOD revenue by. Once per session. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PlaybackStopped(UUID sessionId, UUID userId, UUID filmId, String deviceId, String territory,
            String offerKind, UUID windowId, boolean withAds, Instant startedAt, Instant stoppedAt, String endedBy,
            int watchedSeconds, int bufferingSeconds, int positionSeconds, boolean finished,
            List<String> renditions) {
    }

    private final DomainEvents events;

    PlaybackEvents(DomainEvents events) {
        this.events = events;
    }

    void started(PlaybackLog log) {
        events.publish(STARTED, new PlaybackStarted(log.id(), log.userId(), log.filmId(), log.deviceId(),
                log.territory(), log.offerKind(), log.windowId(), log.entitlementId(), log.withAds(),
                log.maxQuality(), log.startedAt(), log.positionSeconds()));
    }

    void stopped(PlaybackLog log) {
        events.publish(STOPPED, new PlaybackStopped(log.id(), log.userId(), log.filmId(), log.deviceId(),
                log.territory(), log.offerKind(), log.windowId(), log.withAds(), log.startedAt(), log.stoppedAt(),
                log.endedBy(), log.watchedSeconds(), log.bufferingSeconds(), log.positionSeconds(), log.finished(),
                log.renditions()));
    }
}
