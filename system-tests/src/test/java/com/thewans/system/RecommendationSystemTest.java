package com.thewans.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import com.thewans.testkit.TestHttp;

import tools.jackson.databind.JsonNode;

/**
 * Recommendations from what viewers really watched, through the gateway: a creator's two dramas are
 * transcoded and free with ads in Papua New Guinea, with a third drama, a comedy and a drama shown
 * only in Fiji beside them. Viewers in PG watch through playback's API (start, stop at the end); the
 * one who watched both dramas gets the third drama first for them, because of one they watched,
 * and never the Fiji-only film; trending in PG lists the most watched film first.
 */
@Order(7)
@ExtendWith(RunningPlatform.class)
class RecommendationSystemTest {

    private static final int SECONDS = 2;

    static TestHttp gateway;

    @BeforeAll
    static void platform() {
        gateway = RunningPlatform.gateway();
    }

    @Test
    void aViewerWhoWatchedTwoDramasIsOfferedAnotherDramaBecauseOfThemAndTrendingFollowsWhatPgWatches(
            @TempDir Path work) throws Exception {
        Visitor office = new Visitor(gateway);
        Visitor.Session admin = office.admin();
        Visitor studio = new Visitor(gateway);
        Visitor.Session creator = studio.newCreator();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String mostWatched = Storefront.publishedFilm(studio, creator, "Kokoda Letters " + tag,
                "Letters carried over the Owen Stanley Range.", 1, "drama");
        String alsoWatched = Storefront.publishedFilm(studio, creator, "Rabaul Ash " + tag,
                "A family rebuilds after the volcano.", 1, "drama");
        String notYetWatched = Storefront.publishedFilm(studio, creator, "Milne Bay Tides " + tag,
                "Three sisters and a fishing boat.", 1, "drama");
        String comedy = Storefront.publishedFilm(studio, creator, "Goroka Show Day " + tag,
                "Everything goes wrong at the show.", 1, "comedy");
        String fijiOnly = Storefront.publishedFilm(studio, creator, "Suva Nights " + tag,
                "A drama for Fiji only.", 1, "drama");
        for (String film : List.of(mostWatched, alsoWatched)) {
            JsonNode job = FilmMasters.uploadAndTranscode(studio, creator, film, SECONDS, work);
            assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("COMPLETED");
        }
        for (String film : List.of(mostWatched, alsoWatched, notYetWatched, comedy)) {
            freeWithAds(office, admin, film, "PG");
        }
        freeWithAds(office, admin, fijiOnly, "FJ");

        Visitor home = new Visitor(gateway);
        Visitor.Session kila = viewerInPng(home, "Kila");
        watch(home, kila, mostWatched);
        watch(home, kila, alsoWatched);
        // others in PG watch the first drama again and again: the most watched film here by far
        for (int i = 0; i < 2; i++) {
            Visitor.Session other = viewerInPng(home, "Other " + i);
            for (int j = 0; j < 3; j++) {
                watch(home, other, mostWatched);
            }
        }

        // the job folds the watches in within seconds; until then the row is what it was
        JsonNode forYou = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> home.send("GET", "/api/recommend/for-you?size=50", null, kila, "CF-IPCountry", "PG")
                        .json(), row -> !row.get("items").isEmpty() && isDrama(row.get("items").get(0))
                        && row.get("items").get(0).get("reason").get("kind").asString().equals("BECAUSE_YOU_WATCHED"));
        JsonNode first = forYou.get("items").get(0);
        assertThat(first.get("reason").get("text").asString()).as(first.toString())
                .isIn("Because you watched Kokoda Letters " + tag, "Because you watched Rabaul Ash " + tag);
        List<String> offered = new ArrayList<>();
        forYou.get("items").forEach(item -> offered.add(item.get("filmId").asString()));
        assertThat(offered).contains(notYetWatched, comedy).doesNotContain(fijiOnly, mostWatched, alsoWatched);
        assertThat(forYou.get("items").get(offered.indexOf(notYetWatched)).get("offers").get(0).asString())
                .isEqualTo("WATCH_FREE_WITH_ADS");

        JsonNode trending = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> home.send("GET", "/api/recommend/trending", null, kila, "CF-IPCountry", "PG").json(),
                        row -> !row.get("items").isEmpty()
                                && row.get("items").get(0).get("filmId").asString().equals(mostWatched));
        assertThat(trending.get("title").asString()).isEqualTo("Trending in PG");
        assertThat(trending.get("trendingHalfLife").asString()).isEqualTo("PT24H");
    }

    private static boolean isDrama(JsonNode item) {
        List<String> genres = new ArrayList<>();
        item.get("genres").forEach(g -> genres.add(g.asString()));
        return genres.contains("drama");
    }

    private static Visitor.Session viewerInPng(Visitor home, String name) {
        Visitor.Session viewer = home.newViewer();
        var profile = home.send("POST", "/api/profile", Map.of("displayName", name, "country", "PG"), viewer);
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        return viewer;
    }

    /** An admin opens an open-ended AVOD window in the territory. */
    private static void freeWithAds(Visitor office, Visitor.Session admin, String filmId, String territory) {
        Map<String, Object> window = new HashMap<>(Map.of("filmId", filmId, "type", "AVOD", "territories",
                List.of(territory), "startsAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60)
                        .toString()));
        var opened = office.send("POST", "/api/windows", window, admin);
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    }

    /** What the player does for a whole (short) film: start in PG, stop at its end. */
    private static void watch(Visitor home, Visitor.Session viewer, String filmId) {
        var started = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> home.send("POST", "/api/playback/start", Map.of("filmId", filmId, "deviceId", "tv"),
                        viewer, "CF-IPCountry", "PG"), r -> r.status() != 409 && r.status() != 403);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        var stopped = home.send("POST", "/api/playback/stop", Map.of("sessionId",
                started.json().get("sessionId").asString(), "positionSeconds", (double) SECONDS), viewer);
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
    }
}
