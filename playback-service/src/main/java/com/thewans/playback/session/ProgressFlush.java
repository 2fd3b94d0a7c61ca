package com.thewans.playback.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.playback.PlaybackSettings;
import com.thewans.playback.resume.ResumePositions;

/**
 * Writes buffered heartbeats to the database in batches (playback_logs and resume positions), then
 * ends sessions nobody has heard from for longer than a lease, so their slots' end is recorded and
 * announced even when the player simply vanished. Every instance may run it: taking sessions off
 * the Redis set is atomic, and ending is guarded in SQL.
 */
@Component
class ProgressFlush {

    private static final Logger log = LoggerFactory.getLogger(ProgressFlush.class);
    static final int BATCH = 500;

    private final LiveSessions live;
    private final SessionLog sessions;
    private final ResumePositions resume;
    private final StreamLeases leases;
    private final PlaybackSessions playback;
    private final PlaybackSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ProgressFlush(LiveSessions live, SessionLog sessions, ResumePositions resume, StreamLeases leases,
            PlaybackSessions playback, PlaybackSettings settings, PlatformTransactionManager transactionManager,
            Clock clock) {
        this.live = live;
        this.sessions = sessions;
        this.resume = resume;
        this.leases = leases;
        this.playback = playback;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${wans.playback.flush-interval:10s}",
            initialDelayString = "${wans.playback.flush-interval:10s}")
    void onSchedule() {
        try {
            flush();
            sweep();
        } catch (RuntimeException e) {
            log.warn("Writing buffered heartbeats failed; the next pass tries again: {}", e.getMessage());
        }
    }

    /** Writes every session with unwritten beats; returns how many. */
    int flush() {
        int written = 0;
        List<UUID> ids;
        while (!(ids = live.takeProgressed(BATCH)).isEmpty()) {
            List<Progress> batch = new ArrayList<>();
            List<ResumePositions.Report> reports = new ArrayList<>();
            for (UUID id : ids) {
                live.find(id).filter(s -> s.ended() == null).ifPresent(s -> {
                    batch.add(s.progress());
                    reports.add(new ResumePositions.Report(s.userId(), s.filmId(), s.progress().positionSeconds(),
                            s.durationSeconds(), s.progress().lastBeatAt()));
                });
            }
            try {
                transactions.executeWithoutResult(status -> {
                    sessions.progressed(batch);
                    resume.record(reports);
                });
            } catch (RuntimeException e) {
                live.stillProgressed(ids);
                throw e;
            }
            written += batch.size();
        }
        return written;
    }

    /** Ends sessions silent for longer than a lease whose slot is gone; returns how many. */
    int sweep() {
        Instant now = clock.instant();
        int ended = 0;
        for (PlaybackLog silent : sessions.silentSince(now.minus(settings.lease()), BATCH)) {
            if (!leases.alive(silent.userId(), silent.deviceId(), silent.id(), now)) {
                playback.end(silent.id(), null, "LAPSED");
                ended++;
            }
        }
        return ended;
    }
}
