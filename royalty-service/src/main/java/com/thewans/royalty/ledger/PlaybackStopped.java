package com.thewans.royalty.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** playback.stopped, royalty's view: who watched which film how long, where, under what offer. */
record PlaybackStopped(UUID sessionId, UUID userId, UUID filmId, String territory, String offerKind,
        Instant stoppedAt, long watchedSeconds) {

    PlaybackStopped {
        Objects.requireNonNull(sessionId, "playback.stopped lacks sessionId");
        Objects.requireNonNull(filmId, "playback.stopped lacks filmId");
        Objects.requireNonNull(stoppedAt, "playback.stopped lacks stoppedAt");
        territory = territory == null ? "" : territory;
        offerKind = offerKind == null ? "" : offerKind;
    }
}
