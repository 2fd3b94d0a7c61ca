package com.thewans.recommendation.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.thewans.recommendation.RecommendationTestSupport;

class WatchHistoryTest extends RecommendationTestSupport {

    @Test
    void aSessionAnnouncedTwiceCountsOnce() {
        Viewer viewer = viewer("AS", "en", "R18");
        UUID film = watchableFilm("Pago Pago", "drama", "en", "PG", "AS");
        UUID session = watch(viewer, film, "AS", now.minusSeconds(600), 300, 300, false);
        // the same session's start and stop again, under new event ids (a producer's retry)
        started(session, viewer, film, "AS", now.minusSeconds(900));
        stopped(session, viewer, film, "AS", now.minusSeconds(300), 300, 300, false);
        awaitEvents();

        Map<String, Object> history = jdbc.queryForMap(
                "select sessions, watched_seconds from watch_history where user_id = ? and film_id = ?", viewer.id(),
                film);
        assertThat(history).containsEntry("sessions", 1).containsEntry("watched_seconds", 300L);
        assertThat(jdbc.queryForObject("select count(*) from film_view where film_id = ?", Integer.class, film))
                .isEqualTo(1);
    }

    @Test
    void watchesOfAFilmNotSeenYetAreKeptUntilItsEventArrives() {
        Viewer viewer = viewer("NC", "en", "R18");
        UUID film = UUID.randomUUID();
        watch(viewer, film, "NC", now.minus(Duration.ofHours(1)), 200, 200, false);
        awaitEvents();
        assertThat(ids(row(viewer, "continue-watching").json())).isEmpty();

        filmChanged("film.published", film, "Late Arrival", "PUBLISHED", "drama", "fr", "PG", 3, now);
        // an older version arriving later changes nothing
        filmChanged("film.updated", film, "Older Title", "PUBLISHED", "drama", "fr", "PG", 2, now);
        window(film, "TVOD", "NC");
        awaitEvents();
        var row = row(viewer, "continue-watching").json();
        assertThat(ids(row)).containsExactly(film);
        assertThat(item(row, film).get("title").asString()).isEqualTo("Late Arrival");
        assertThat(item(row, film).get("offers").get(0).asString()).isEqualTo("RENT");
    }

    @Test
    void aRentalCountsAsInterestOnceWhateverTheRedeliveries() {
        Viewer viewer = viewer("WF", "en", "R18");
        UUID rented = watchableFilm("Wallis Rental", "drama", "en", "PG", "WF");
        UUID related = watchableFilm("Futuna Drama", "drama", "en", "PG", "WF");
        UUID transaction = UUID.randomUUID();
        Map<String, Object> payment = Map.of("transactionId", transaction, "userId", viewer.id(), "kind", "RENTAL",
                "filmId", rented, "windowId", UUID.randomUUID(), "amount", 990, "currency", "PGK", "provider",
                "stripe");
        publish("payment.succeeded", now, payment);
        publish("payment.succeeded", now, payment);
        awaitEvents();

        assertThat(jdbc.queryForObject("select count(*) from film_purchase where transaction_id = ?", Integer.class,
                transaction)).isEqualTo(1);
        var forYou = row(viewer, "for-you").json();
        assertThat(ids(forYou)).containsExactly(related);
        assertThat(item(forYou, related).get("reason").get("text").asString()).isEqualTo("Because you watched Wallis Rental");
    }
}
