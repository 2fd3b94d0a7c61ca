package com.thewans.playback.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.playback.PlaybackTestSupport;

class TranscodeReadModelTest extends PlaybackTestSupport {

    @Test
    void anOlderCompletionArrivingLateDoesNotReplaceTheNewerMedia() {
        UUID filmId = transcodedFilm();
        UUID newest = jdbc.queryForObject("select job_id from transcoded_films where film_id = ?", UUID.class, filmId);
        UUID older = UUID.randomUUID();

        UUID late = announceTranscode(filmId, older, "films/" + filmId + "/jobs/" + older + "/1/", "[]",
                clock.instant().minus(Duration.ofHours(1)));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where event_id = ?", Long.class, late) == 1);

        assertThat(jdbc.queryForObject("select job_id from transcoded_films where film_id = ?", UUID.class, filmId))
                .isEqualTo(newest);
    }
}
