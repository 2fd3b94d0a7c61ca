package com.thewans.catalog.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.thewans.catalog.CatalogTestSupport;
import com.thewans.common.events.EventLog;

import tools.jackson.databind.JsonNode;

/** rights-service's window events, appended to the streams as its relay would, drive "available as". */
class WatchableNowTest extends CatalogTestSupport {

    @Autowired
    EventLog eventLog;

    private void windowEvent(String type, UUID eventId, Instant occurredAt, String data) {
        String envelope = """
                {"id": "%s", "type": "%s", "occurredAt": "%s", "producer": "rights-service", "version": 1,
                 "data": %s}""".formatted(eventId, type, occurredAt, data);
        eventLog.append(type, eventId.toString(), envelope);
    }

    private static String window(UUID windowId, String filmId, String type, boolean worldwide, String territories,
            String excluded, Instant startsAt, Instant endsAt) {
        return """
                {"windowId": "%s", "filmId": "%s", "type": "%s", "worldwide": %s, "territories": %s,
                 "excludedTerritories": %s, "startsAt": "%s", "endsAt": %s}""".formatted(windowId, filmId, type,
                worldwide, territories, excluded, startsAt, endsAt == null ? "null" : "\"" + endsAt + "\"");
    }

    private List<String> titles(String path) {
        List<String> titles = new ArrayList<>();
        JsonNode page = get(path, null).json();
        page.get("items").forEach(item -> titles.add(item.get("title").asString()));
        return titles;
    }

    private int windowsOf(String filmId) {
        return jdbc.queryForObject("select count(*) from film_window where film_id = ?::uuid", Integer.class, filmId);
    }

    @Test
    void filmsAreFilteredByWhatIsWatchableNowWhere() {
        String tag = "win" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "w");
        String svodPg = publishedFilm(tag + " Subscription", "s").get("id").asString();
        String worldwideButNotPg = publishedFilm(tag + " Worldwide", "w").get("id").asString();
        String future = publishedFilm(tag + " Coming", "c").get("id").asString();
        Instant now = Instant.now();
        UUID svodWindow = UUID.randomUUID();

        windowEvent("window.opened", UUID.randomUUID(), now, window(svodWindow, svodPg, "SVOD", false,
                "[\"PG\", \"FJ\"]", "[]", now.minus(Duration.ofDays(1)), null));
        windowEvent("window.opened", UUID.randomUUID(), now, window(UUID.randomUUID(), worldwideButNotPg, "SVOD",
                true, "[]", "[\"PG\"]", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30))));
        windowEvent("window.opened", UUID.randomUUID(), now, window(UUID.randomUUID(), future, "SVOD", true, "[]",
                "[]", now.plus(Duration.ofDays(10)), null));
        await().atMost(Duration.ofSeconds(20)).until(() -> windowsOf(svodPg) + windowsOf(worldwideButNotPg)
                + windowsOf(future) == 3);

        String q = "/api/films?q=" + tag + "&sort=title";
        assertThat(titles(q + "&availableAs=SVOD&territory=PG")).containsExactly(tag + " Subscription");
        assertThat(titles(q + "&availableAs=SVOD&territory=AU")).containsExactly(tag + " Worldwide");
        assertThat(titles(q + "&availableAs=SVOD")).containsExactly(tag + " Subscription", tag + " Worldwide");
        assertThat(titles(q + "&availableAs=TVOD&territory=PG")).isEmpty();

        windowEvent("window.closed", UUID.randomUUID(), now.plusSeconds(1),
                "{\"windowId\": \"%s\", \"filmId\": \"%s\", \"type\": \"SVOD\", \"reason\": \"CANCELLED\"}"
                        .formatted(svodWindow, svodPg));
        await().atMost(Duration.ofSeconds(20)).until(() -> titles(q + "&availableAs=SVOD&territory=PG").isEmpty());
    }

    @Test
    void redeliveredAndLateEventsDoNotReopenAClosedWindow() {
        String filmId = publishedFilm("Late Events", "l").get("id").asString();
        UUID windowId = UUID.randomUUID();
        UUID openedId = UUID.randomUUID();
        Instant t0 = Instant.now().minusSeconds(60);
        String opened = window(windowId, filmId, "AVOD", true, "[]", "[]", t0, null);

        windowEvent("window.opened", openedId, t0, opened);
        windowEvent("window.opened", openedId, t0, opened); // at-least-once: the same event again
        windowEvent("window.closed", UUID.randomUUID(), t0.plusSeconds(30),
                "{\"windowId\": \"%s\", \"filmId\": \"%s\", \"type\": \"AVOD\", \"reason\": \"EXPIRED\"}"
                        .formatted(windowId, filmId));
        UUID lateUpdateId = UUID.randomUUID();
        windowEvent("window.updated", lateUpdateId, t0.plusSeconds(10), opened); // arrives after the close

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from processed_event where event_id = ?", Integer.class, lateUpdateId) == 1
                && Boolean.TRUE.equals(jdbc.queryForObject(
                        "select bool_and(closed) from film_window where window_id = ?", Boolean.class, windowId)));
        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class,
                openedId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from film_window where window_id = ?", Integer.class,
                windowId)).isEqualTo(1);
        assertThat(titles("/api/films?q=Late+Events&availableAs=AVOD")).isEmpty();
    }
}
