package com.thewans.playback.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.problem.InvalidField;
import com.thewans.common.security.CurrentUser;
import com.thewans.playback.PlaybackSettings;
import com.thewans.playback.media.MediaLibrary;
import com.thewans.playback.media.Quality;
import com.thewans.playback.media.TranscodedFilm;
import com.thewans.playback.resume.ResumePosition;
import com.thewans.playback.resume.ResumePositions;

/**
 * Starting, beating and stopping playback sessions (Jellyfin's check-ins: start, progress, stopped).
 * A start asks rights whether the viewer may watch here now, checks the film is transcoded and takes
 * one of the plan's stream slots; the session then lives as long as its heartbeats keep the slot's
 * lease, and ends once, by a stop, by a lapse, or by another start on the same device.
 */
@Service
public class PlaybackSessions {

    private static final Logger log = LoggerFactory.getLogger(PlaybackSessions.class);
    /** A position this far past the film's end is a client bug, not a place in the film. */
    static final int END_SLACK_SECONDS = 60;
    static final java.util.regex.Pattern DEVICE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final MediaLibrary media;
    private final RightsOffice rights;
    private final ViewerPlans plans;
    private final StreamLeases leases;
    private final LiveSessions live;
    private final SessionLog sessions;
    private final PlaybackEvents events;
    private final ResumePositions resume;
    private final PlaybackTokens tokens;
    private final PlaybackUrls urls;
    private final PlaybackSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PlaybackSessions(MediaLibrary media, RightsOffice rights, ViewerPlans plans, StreamLeases leases,
            LiveSessions live, SessionLog sessions, PlaybackEvents events, ResumePositions resume,
            PlaybackTokens tokens, PlaybackUrls urls, PlaybackSettings settings,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.media = media;
        this.rights = rights;
        this.plans = plans;
        this.leases = leases;
        this.live = live;
        this.sessions = sessions;
        this.events = events;
        this.resume = resume;
        this.tokens = tokens;
        this.urls = urls;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** What a delivery request may serve: a live session of this film, for the token's holder. */
    public record Authorized(PlaybackToken token, Quality maxQuality) {
    }

    PlaybackStart start(CurrentUser viewer, StartRequest request, String territory, String deviceDescription) {
        UUID filmId = request.filmId();
        TranscodedFilm film = media.find(filmId).orElseThrow(() -> new NotYetTranscoded(filmId));
        AccessCheck access = rights.check(filmId, territory);
        if (!access.allowed()) {
            if (access.territoryRefused()) {
                throw new NotAvailableHere(territory, access.reasons());
            }
            throw new NotEntitled(access.reasons(), rights.streamableOffers(filmId, territory));
        }
        ViewerPlans.Limits limits = plans.of(viewer.userId());
        // the plan's best applies to what the plan pays for; bought and rented films play at the default best
        Quality quality = "SUBSCRIPTION".equals(access.via()) || "AVOD".equals(access.via())
                ? limits.maxQuality() : Quality.of(settings.defaultMaxQuality()).max(limits.maxQuality());
        String deviceId = deviceOf(viewer, request.deviceId());
        UUID sessionId = UUID.randomUUID();
        Instant now = clock.instant();

        StreamLeases.Taken slot = leases.take(viewer.userId(), deviceId, sessionId, filmId, now, limits.maxStreams());
        if (!slot.won()) {
            throw new TooManyStreams(limits.maxStreams(), named(viewer.userId(), slot.playing()));
        }
        try {
            Instant watchUntil = access.until();
            if (access.unstartedRental()) {
                // the first play starts the rental's watch hours in rights (later reports change nothing there)
                watchUntil = rights.startRental(access.entitlementId());
            }
            int resumeAt = resume.of(viewer.userId(), filmId).map(ResumePosition::positionSeconds).orElse(0);
            PlaybackLog started = new PlaybackLog(sessionId, viewer.userId(), filmId, deviceId, territory,
                    access.via(), access.windowId(), access.entitlementId(), access.withAds(), quality.toString(),
                    limits.maxStreams(), now, now, null, null, resumeAt, 0, 0, List.of(), false);
            transactions.executeWithoutResult(status -> {
                sessions.deviceSeen(viewer.userId(), deviceId, deviceDescription, now);
                sessions.started(started);
                events.started(started);
            });
            live.open(started, film.wholeSeconds(), new Progress(sessionId, now, resumeAt, 0, 0, List.of(), false),
                    true);
            if (slot.replacedSession() != null) {
                // the same device started again (a new film, or a player that restarts to seek): one stream
                end(slot.replacedSession(), null, "REPLACED");
            }
            PlaybackToken token = tokens.issue(sessionId, viewer.userId(), filmId, deviceId);
            String signed = tokens.sign(token);
            return new PlaybackStart(sessionId, filmId, deviceId, signed, token.expiresAt(),
                    new PlaybackStart.Manifests(urls.hlsMaster(sessionId, signed), urls.dashManifest(sessionId,
                            signed)), urls.key(filmId, signed), urls.clearKeyLicence(signed),
                    new PlaybackStart.Offer(access.via(), access.windowId(), access.withAds(), limits.plan()),
                    watchUntil, quality.toString(),
                    film.allowedBy(quality).stream().map(r -> r.name()).toList(), resumeAt,
                    (int) settings.heartbeatInterval().toSeconds(), (int) settings.lease().toSeconds(),
                    access.withAds() ? urls.adSchedule(filmId, sessionId) : null);
        } catch (RuntimeException e) {
            leases.release(viewer.userId(), deviceId, sessionId);
            throw e;
        }
    }

    /** A fresh token for the viewer's session of this film on this device (the old one is about to expire). */
    FreshToken freshToken(CurrentUser viewer, UUID filmId, String requestedDevice) {
        String deviceId = deviceOf(viewer, requestedDevice);
        PlaybackLog session = sessions.playing(viewer.userId(), filmId, deviceId)
                .orElseThrow(() -> SessionNotFound.forFilm(filmId));
        if (!leases.alive(viewer.userId(), deviceId, session.id(), clock.instant())) {
            throw new SessionEnded(session.id(), "LAPSED");
        }
        PlaybackToken token = tokens.issue(session.id(), viewer.userId(), filmId, deviceId);
        String signed = tokens.sign(token);
        return new FreshToken(session.id(), filmId, signed, token.expiresAt(),
                new PlaybackStart.Manifests(urls.hlsMaster(session.id(), signed), urls.dashManifest(session.id(),
                        signed)), urls.key(filmId, signed), urls.clearKeyLicence(signed));
    }

    HeartbeatAnswer heartbeat(CurrentUser viewer, HeartbeatRequest beat) {
        LiveSessions.Live session = ownLive(viewer, beat.sessionId());
        int position = position("positionSeconds", beat.positionSeconds(), session.durationSeconds());
        Instant now = clock.instant();
        StreamLeases.Renewal renewal = leases.renew(viewer.userId(), session.deviceId(), session.sessionId(),
                session.filmId(), session.startedAt(), now, session.maxStreams());
        if (renewal == StreamLeases.Renewal.LAPSED || renewal == StreamLeases.Renewal.REPLACED) {
            String endedBy = renewal == StreamLeases.Renewal.LAPSED ? "LAPSED" : "REPLACED";
            end(session.sessionId(), null, endedBy);
            throw new SessionEnded(session.sessionId(), endedBy);
        }
        if (live.beat(session.sessionId(), now, position, Boolean.TRUE.equals(beat.buffering()),
                rendition(beat.rendition())) == -2) {
            throw new SessionEnded(session.sessionId(), "STOPPED");
        }
        return new HeartbeatAnswer(session.sessionId(), leases.lapsesAt(now),
                (int) settings.heartbeatInterval().toSeconds());
    }

    StopAnswer stop(CurrentUser viewer, StopRequest stop) {
        Optional<PlaybackLog> stored = sessions.find(stop.sessionId());
        if (stored.isEmpty()) {
            throw SessionNotFound.of(stop.sessionId());
        }
        if (!stored.get().userId().equals(viewer.userId())) {
            throw new SessionOfAnotherViewer(stop.sessionId());
        }
        PlaybackLog ended = end(stop.sessionId(), stop.positionSeconds(), "STOPPED");
        return new StopAnswer(ended.id(), ended.stoppedAt(), ended.endedBy(), ended.watchedSeconds(),
                ended.positionSeconds(), ended.finished());
    }

    /**
     * Ends a session once: its last beat counted (a position of 0, or none, leaves the position where
     * the beats left it), the slot freed, the log closed, the resume point kept and playback.stopped
     * published. Ending an ended session answers how it ended.
     */
    PlaybackLog end(UUID sessionId, Double lastPosition, String endedBy) {
        Instant now = clock.instant();
        Optional<LiveSessions.Live> state = live.find(sessionId);
        PlaybackLog stored = sessions.find(sessionId).orElseThrow(() -> SessionNotFound.of(sessionId));
        if (stored.ended()) {
            return stored;
        }
        if (state.isPresent() && state.get().ended() == null && lastPosition != null && lastPosition > 0) {
            live.beat(sessionId, now, position("positionSeconds", lastPosition, state.get().durationSeconds()), false,
                    null);
            state = live.find(sessionId);
        }
        Progress last = state.map(LiveSessions.Live::progress).orElse(new Progress(sessionId, stored.lastBeatAt(),
                stored.positionSeconds(), stored.watchedSeconds(), stored.bufferingSeconds(), stored.renditions(),
                stored.finished()));
        int duration = state.map(LiveSessions.Live::durationSeconds)
                .orElseGet(() -> media.find(stored.filmId()).map(TranscodedFilm::wholeSeconds).orElse(0));
        live.markEnded(sessionId, endedBy);
        leases.release(stored.userId(), stored.deviceId(), sessionId);
        Instant stoppedAt = "LAPSED".equals(endedBy) ? last.lastBeatAt().plus(settings.lease()) : now;
        Optional<PlaybackLog> ended = transactions.execute(status -> {
            Optional<PlaybackLog> row = sessions.end(last, stoppedAt.isAfter(now) ? now : stoppedAt, endedBy);
            row.ifPresent(r -> {
                resume.record(List.of(new ResumePositions.Report(r.userId(), r.filmId(), r.positionSeconds(), duration,
                        last.lastBeatAt())));
                events.stopped(r);
            });
            return row;
        });
        return ended.orElseGet(() -> sessions.find(sessionId).orElseThrow());
    }

    /** Keys and playlists are served only to a live session of the film the token names. */
    public Authorized authorize(String token, UUID filmId, UUID sessionId) {
        PlaybackToken claims = tokens.verify(token);
        if (filmId != null && !claims.filmId().equals(filmId)) {
            throw PlaybackTokenRefused.mismatch("film");
        }
        if (sessionId != null && !claims.sessionId().equals(sessionId)) {
            throw PlaybackTokenRefused.mismatch("session");
        }
        LiveSessions.Live session = live.find(claims.sessionId()).orElse(null);
        if (session != null && session.ended() != null) {
            throw new SessionEnded(claims.sessionId(), session.ended());
        }
        if (!leases.alive(claims.userId(), claims.deviceId(), claims.sessionId(), clock.instant())) {
            throw new SessionEnded(claims.sessionId(), "LAPSED");
        }
        String quality = session != null ? session.maxQuality()
                : sessions.find(claims.sessionId()).map(PlaybackLog::maxQuality).orElse(settings.defaultMaxQuality());
        return new Authorized(claims, Quality.of(quality));
    }

    /** The session's live state, rebuilt from the database if Redis lost it; only its viewer's. */
    private LiveSessions.Live ownLive(CurrentUser viewer, UUID sessionId) {
        Optional<LiveSessions.Live> found = live.find(sessionId);
        if (found.isEmpty()) {
            PlaybackLog stored = sessions.find(sessionId).orElseThrow(() -> SessionNotFound.of(sessionId));
            if (!stored.userId().equals(viewer.userId())) {
                throw new SessionOfAnotherViewer(sessionId);
            }
            if (stored.ended()) {
                throw new SessionEnded(sessionId, stored.endedBy());
            }
            log.info("Rebuilding the live state of playback session {} from the database", sessionId);
            live.open(stored, media.find(stored.filmId()).map(TranscodedFilm::wholeSeconds).orElse(0),
                    new Progress(sessionId, stored.lastBeatAt(), stored.positionSeconds(), stored.watchedSeconds(),
                            stored.bufferingSeconds(), stored.renditions(), stored.finished()), false);
            found = live.find(sessionId);
        }
        LiveSessions.Live session = found.orElseThrow(() -> SessionNotFound.of(sessionId));
        if (!session.userId().equals(viewer.userId())) {
            throw new SessionOfAnotherViewer(sessionId);
        }
        if (session.ended() != null) {
            throw new SessionEnded(sessionId, session.ended());
        }
        return session;
    }

    private List<ActiveStream> named(UUID userId, List<ActiveStream> playing) {
        Map<String, String> names = sessions.deviceNames(userId, playing.stream().map(ActiveStream::deviceId)
                .toList());
        List<ActiveStream> out = new ArrayList<>();
        for (ActiveStream s : playing) {
            out.add(new ActiveStream(s.sessionId(), s.filmId(), s.deviceId(), names.get(s.deviceId()), s.since()));
        }
        return out;
    }

    private static String deviceOf(CurrentUser viewer, String requested) {
        if (requested != null) {
            if (!DEVICE_ID.matcher(requested).matches()) {
                throw new InvalidField("deviceId", "must be 1 to 64 letters, digits, '.', '_', ':' or '-'");
            }
            return requested;
        }
        // one sign-in is one device when the player names none
        return viewer.sessionId() != null ? "session:" + viewer.sessionId() : "user:" + viewer.userId();
    }

    private static int position(String field, Double seconds, int durationSeconds) {
        if (seconds == null || seconds.isNaN() || seconds < 0) {
            throw new InvalidField(field, "must be a position in the film, in seconds");
        }
        if (durationSeconds > 0 && seconds > durationSeconds + END_SLACK_SECONDS) {
            throw new InvalidField(field, "is past the end of the film (" + durationSeconds + " s)");
        }
        return (int) Math.floor(seconds);
    }

    private static String rendition(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Quality.of(name).toString();
        } catch (IllegalArgumentException e) {
            throw new InvalidField("rendition", "must name a rendition such as 720p");
        }
    }
}
