package com.thewans.recommendation.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.recommendation.RecommendationTestSupport;

import tools.jackson.databind.JsonNode;

class TrendingAndSimilarTest extends RecommendationTestSupport {

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void trendingHalvesAViewsWeightEveryDaySoTwoViewsTodayOutrankThreeTwoDaysAgo() {
        Viewer viewer = viewer("CK", "en", "R18");
        UUID yesterdaysHit = watchableFilm("Rarotonga Run", "action", "en", "PG", "CK");
        UUID todaysHit = watchableFilm("Aitutaki Blue", "drama", "en", "PG", "CK");
        for (int i = 0; i < 3; i++) {
            watch(viewer("CK", "en", "R18"), yesterdaysHit, "CK", now.minusSeconds(60), 30, 30, false);
        }
        recomputed();
        JsonNode before = row(viewer, "trending").json();
        assertThat(ids(before)).containsExactly(yesterdaysHit);
        assertThat(before.get("trendingHalfLife").asString()).isEqualTo("PT24H");

        clock.advance(Duration.ofDays(2));
        Instant later = clock.instant();
        for (int i = 0; i < 2; i++) {
            watch(viewer("CK", "en", "R18"), todaysHit, "CK", later.minusSeconds(60), 30, 30, false);
        }
        recomputed();

        // 3 views two half-lives old weigh 0.75; 2 views today weigh 2
        JsonNode after = row(viewer, "trending").json();
        assertThat(ids(after)).containsExactly(todaysHit, yesterdaysHit);
        assertThat(jdbc.queryForObject("""
                select score from recommendations where kind = 'TRENDING' and subject = 'CK' and film_id = ?""",
                Double.class, yesterdaysHit)).isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aFilmNobodyHasWatchedHasNeighboursByGenreLanguageAndCreator() {
        Viewer viewer = viewer("FM", "en", "R18");
        UUID cold = watchableFilm("Yap Stones", "drama,culture", "en", "PG", "FM");
        UUID alike = watchableFilm("Pohnpei Ruins", "drama,culture", "en", "PG", "FM");
        UUID sameGenre = watchableFilm("Chuuk Lagoon", "drama", "chk", "PG", "FM");
        UUID unlike = watchableFilm("Kosrae Laughs", "comedy", "fr", "PG", "FM");
        recomputed();

        JsonNode row = row(viewer, "similar/" + cold).json();
        assertThat(row.get("title").asString()).isEqualTo("More like Yap Stones");
        assertThat(ids(row)).containsExactly(alike, sameGenre).doesNotContain(cold, unlike);
        assertThat(item(row, alike).get("reason").get("text").asString()).isEqualTo("Also Culture, like Yap Stones");

        assertProblem(row(viewer, "similar/" + UUID.randomUUID()), 404, "film-not-found");
    }

    @Test
    void filmsByTheSameDirectorAreNeighboursWhateverTheirGenresAndLanguages() {
        Viewer viewer = viewer("PW", "en", "R18");
        UUID debut = UUID.randomUUID();
        filmChanged("film.published", debut, "Canoe Song", "PUBLISHED", "drama", "en", "PG", 2, now, "Vilsoni Hereniko");
        window(debut, "SVOD", "PW");
        UUID later = UUID.randomUUID();
        filmChanged("film.published", later, "Island Laughs", "PUBLISHED", "comedy", "fj", "PG", 2, now,
                "vilsoni hereniko");
        window(later, "SVOD", "PW");
        UUID stranger = watchableFilm("Reef Comedy", "comedy", "fj", "PG", "PW");
        recomputed();

        JsonNode row = row(viewer, "similar/" + debut).json();
        assertThat(ids(row)).containsExactly(later).doesNotContain(stranger);
        assertThat(item(row, later).get("reason").get("text").asString()).isEqualTo("From the makers of Canoe Song");
    }

    @Test
    void viewersWhoWatchedOneFilmAndAnotherMakeThemNeighboursWhateverTheirGenres() {
        UUID documentary = watchableFilm("Kiribati Rising", "documentary", "en", "PG", "GU");
        UUID comedy = watchableFilm("Tarawa Laughs", "comedy", "en", "PG", "GU");
        UUID otherDocumentary = watchableFilm("Atoll Life", "documentary", "en", "PG", "GU");
        for (int i = 0; i < 4; i++) {
            Viewer fan = viewer("GU", "en", "R18");
            watch(fan, documentary, "GU", now.minusSeconds(3600), 6000, 6000, true);
            watch(fan, comedy, "GU", now.minusSeconds(600), 6000, 6000, true);
        }
        recomputed();

        Viewer viewer = viewer("GU", "en", "R18");
        JsonNode similar = row(viewer, "similar/" + documentary).json();
        assertThat(ids(similar)).startsWith(comedy, otherDocumentary);
        assertThat(item(similar, comedy).get("reason").get("text").asString())
                .isEqualTo("Viewers who watched Kiribati Rising watched this too");

        // and a viewer of the documentary gets the comedy for you, because of the documentary
        watch(viewer, documentary, "GU", now.minusSeconds(60), 6000, 6000, true);
        recomputed();
        JsonNode forYou = row(viewer, "for-you").json();
        assertThat(ids(forYou).get(0)).isEqualTo(comedy);
        assertThat(item(forYou, comedy).get("reason").get("text").asString())
                .isEqualTo("Because you watched Kiribati Rising");
        JsonNode because = row(viewer, "because-you-watched?rows=1").json();
        assertThat(because).hasSize(1);
        assertThat(because.get(0).get("title").asString()).isEqualTo("Because you watched Kiribati Rising");
        assertThat(ids(because.get(0)).get(0)).isEqualTo(comedy);
    }

    @Test
    void onlyOneInstanceRunsAPassAtATime() throws Exception {
        TransactionTemplate other = new TransactionTemplate(transactions);
        Recompute.Pass whileHeld = other.execute(status -> {
            jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, Recompute.LOCK);
            // another instance's pass, on another connection, while this one holds the lock
            try {
                return java.util.concurrent.CompletableFuture.supplyAsync(recompute::run).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(whileHeld.ran()).isFalse();
        assertThat(recompute.run().ran()).isTrue();
    }
}
