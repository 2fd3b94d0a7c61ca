package com.thewans.playback.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.ScheduledTaskHolder;

import com.thewans.playback.PlaybackTestSupport;
import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

class HeartbeatAndStopTest extends PlaybackTestSupport {

    @Autowired
    ProgressFlush flush;

    @Autowired
    ScheduledTaskHolder schedules;

    @Test
    void bufferedHeartbeatsAreWrittenOnASchedule() {
        // tests call flush() themselves with a moved clock; in service the scheduler does
        assertThat(schedules.getScheduledTasks()).anySatisfy(task -> assertThat(task.getTask().toString())
                .contains(ProgressFlush.class.getName() + ".onSchedule"));
    }

    @Test
    void watchTimeCountsTheSecondsPlayedNotReplaysPausesOrSeeks() {
        Viewer viewer = subscriber("standard");
        UUID filmId = svodFilm();
        UUID session = uuid(started(viewer, filmId, "tv"), "sessionId");

        clock.advance(Duration.ofSeconds(30));
        beat(viewer, session, 30);          // 30 s played
        beat(viewer, session, 30);          // the same beat again: nothing
        clock.advance(Duration.ofSeconds(30));
        beat(viewer, session, 30);          // paused: nothing
        clock.advance(Duration.ofSeconds(30));
        beat(viewer, session, 400);         // sought forward: only the 30 s that passed
        clock.advance(Duration.ofSeconds(30));
        beat(viewer, session, 100);         // sought back: nothing
        clock.advance(Duration.ofSeconds(10));
        TestHttp.Response buffering = post("/api/playback/heartbeat", """
                {"sessionId":"%s","positionSeconds":100,"rendition":"720p","buffering":true}""".formatted(session),
                viewer.token());
        assertThat(buffering.status()).as(buffering.body()).isEqualTo(200);

        assertThat(flush.flush()).isPositive();
        assertThat(jdbc.queryForMap("""
                select watched_seconds, buffering_seconds, position_seconds, array_to_string(renditions, ',') r
                from playback_logs where id = ?""", session))
                .containsEntry("watched_seconds", 60).containsEntry("buffering_seconds", 10)
                .containsEntry("position_seconds", 100).containsEntry("r", "720p");
    }

    @Test
    void stoppingAnnouncesTheWatchTimeOnceAndWhetherTheFilmWasFinished() {
        Viewer viewer = subscriber("standard");
        UUID filmId = svodFilm();
        UUID session = uuid(started(viewer, filmId, "tv"), "sessionId");
        clock.advance(Duration.ofSeconds(30));
        beat(viewer, session, 900);  // resumed near the end: 30 s played
        clock.advance(Duration.ofSeconds(20));

        TestHttp.Response stopped = stop(viewer, session, 920.0);
        TestHttp.Response again = stop(viewer, session, 920.0);

        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
        assertThat(stopped.json().get("watchedSeconds").asInt()).isEqualTo(50);
        assertThat(stopped.json().get("finished").asBoolean()).isTrue();
        assertThat(again.status()).isEqualTo(200);
        assertThat(outboxEvents("playback.stopped", "sessionId", session)).singleElement().satisfies(e -> {
            assertThat(e.get("watchedSeconds").asInt()).isEqualTo(50);
            assertThat(e.get("finished").asBoolean()).isTrue();
            assertThat(e.get("territory").asString()).isEqualTo("PG");
            assertThat(e.get("offerKind").asString()).isEqualTo("SUBSCRIPTION");
        });
        assertProblem(beat(viewer, session, 930), 409, "session-ended");
    }

    @Test
    void heartbeatsForSomeoneElsesOrAnUnknownSessionAreRefused() {
        Viewer viewer = subscriber("standard");
        UUID session = uuid(started(viewer, svodFilm(), "tv"), "sessionId");

        assertProblem(beat(viewer(), session, 10), 403, "session-of-another-viewer");
        assertProblem(beat(viewer, UUID.randomUUID(), 10), 404, "session-not-found");
        assertProblem(stop(viewer(), session, 10.0), 403, "session-of-another-viewer");
        assertProblem(stop(viewer, UUID.randomUUID(), 10.0), 404, "session-not-found");
    }

    @Test
    void negativeOrAbsurdPositionsAreRefused() {
        Viewer viewer = subscriber("standard");
        UUID session = uuid(started(viewer, svodFilm(), "tv"), "sessionId");

        assertThat(beat(viewer, session, -1).status()).isEqualTo(400);
        assertThat(beat(viewer, session, 1e9).status()).isEqualTo(400);
        TestHttp.Response pastTheEnd = beat(viewer, session, FILM_SECONDS + 600);
        assertProblem(pastTheEnd, 400, pastTheEnd.json().get("code").asString());
        assertThat(pastTheEnd.body()).contains("positionSeconds");
        assertThat(post("/api/playback/heartbeat", """
                {"sessionId":"%s","positionSeconds":10,"rendition":"best"}""".formatted(session), viewer.token())
                .status()).isEqualTo(400);
    }

    @Test
    void silentSessionsAreEndedByTheSweepOnceTheirLeaseIsGone() {
        Viewer viewer = subscriber("standard");
        UUID session = uuid(started(viewer, svodFilm(), "tv"), "sessionId");
        clock.advance(Duration.ofSeconds(30));
        beat(viewer, session, 30);
        flush.flush();

        clock.advance(Duration.ofSeconds(60));
        flush.sweep();
        assertThat(outboxEvents("playback.stopped", "sessionId", session)).isEmpty();  // the lease still runs
        clock.advance(Duration.ofSeconds(60));
        flush.sweep();
        flush.sweep();

        assertThat(outboxEvents("playback.stopped", "sessionId", session)).hasSize(1);
        JsonNode stopped = outboxEvents("playback.stopped", "sessionId", session).get(0);
        assertThat(stopped.get("endedBy").asString()).isEqualTo("LAPSED");
        assertThat(stopped.get("watchedSeconds").asInt()).isEqualTo(30);
    }

    @Test
    void bufferedHeartbeatsReachTheResumePositionsWhenWritten() {
        Viewer viewer = subscriber("standard");
        UUID filmId = svodFilm();
        UUID session = uuid(started(viewer, filmId, "tv"), "sessionId");
        clock.advance(Duration.ofSeconds(30));
        beat(viewer, session, 200);
        assertThat(get("/api/playback/resume", viewer.token()).json()).isEmpty();  // buffered, not written yet

        flush.flush();

        assertThat(get("/api/playback/resume", viewer.token()).json().get(0).get("positionSeconds").asInt())
                .isEqualTo(200);
    }
}
