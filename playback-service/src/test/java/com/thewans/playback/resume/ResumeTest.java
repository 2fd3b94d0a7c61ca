package com.thewans.playback.resume;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.playback.PlaybackTestSupport;
import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

/** Jellyfin's resume rules, with guards against what clients get wrong (films here are 1000 s long). */
class ResumeTest extends PlaybackTestSupport {

    @Test
    void aStopPartWayLeavesAResumePointThatTheNextStartAnswers() {
        Viewer viewer = subscriber("standard");
        UUID filmId = svodFilm();
        UUID session = uuid(started(viewer, filmId, "tv"), "sessionId");
        clock.advance(Duration.ofMinutes(5));

        stop(viewer, session, 300.0);

        TestHttp.Response resume = get("/api/playback/resume", viewer.token());
        assertThat(resume.status()).isEqualTo(200);
        assertThat(resume.json()).singleElement().satisfies(p -> {
            assertThat(p.get("filmId").asString()).isEqualTo(filmId.toString());
            assertThat(p.get("positionSeconds").asInt()).isEqualTo(300);
        });
        assertThat(started(viewer, filmId, "phone").get("resumePositionSeconds").asInt()).isEqualTo(300);
    }

    @Test
    void aStopAtZeroOrWithoutAPositionNeverWipesTheSavedOne() {
        Viewer viewer = subscriber("standard");
        UUID filmId = svodFilm();
        stop(viewer, uuid(started(viewer, filmId, "tv"), "sessionId"), 300.0);

        stop(viewer, uuid(started(viewer, filmId, "tv"), "sessionId"), 0.0);
        stop(viewer, uuid(started(viewer, filmId, "tv"), "sessionId"), null);

        assertThat(started(viewer, filmId, "tv").get("resumePositionSeconds").asInt()).isEqualTo(300);
    }

    @Test
    void aStopWithoutAStartChangesNothing() {
        Viewer viewer = subscriber("standard");
        UUID filmId = svodFilm();
        stop(viewer, uuid(started(viewer, filmId, "tv"), "sessionId"), 300.0);

        assertProblem(stop(viewer, UUID.randomUUID(), 0.0), 404, "session-not-found");

        assertThat(get("/api/playback/resume", viewer.token()).json().get(0).get("positionSeconds").asInt())
                .isEqualTo(300);
    }

    @Test
    void underFivePercentLeavesNoResumePointAndPastNinetyClearsIt() {
        Viewer viewer = subscriber("standard");
        UUID opening = svodFilm();
        UUID credits = svodFilm();
        stop(viewer, uuid(started(viewer, opening, "tv"), "sessionId"), 40.0);
        stop(viewer, uuid(started(viewer, credits, "tv"), "sessionId"), 500.0);

        stop(viewer, uuid(started(viewer, credits, "tv"), "sessionId"), 950.0);

        JsonNode resume = get("/api/playback/resume", viewer.token()).json();
        assertThat(resume).isEmpty();
    }
}
