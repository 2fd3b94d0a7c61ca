package com.thewans.recommendation.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The ranking core alone: plain data in, ranked films with reasons out. */
class RankerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");

    private static Film film(String id, String... genres) {
        return new Film(id, "Film " + id, Set.of(genres), Set.of("en"), Set.of("creator-" + id), 2025);
    }

    @Test
    void diversityLetsAnotherGenreIntoTheTopOfARowOneGenreWouldFill() {
        Map<String, Film> films = new LinkedHashMap<>();
        for (String id : List.of("d1", "d2", "d3", "d4")) {
            films.put(id, film(id, "drama"));
        }
        films.put("c1", film("c1", "comedy"));
        // the viewer likes both genres alike; the dramas are more popular, so they alone would fill the top
        films.put("seen", film("seen", "drama", "comedy"));
        Map<String, Double> popularity = Map.of("c1", 1.0, "d1", 10.0, "d2", 10.0, "d3", 10.0, "d4", 10.0);
        Ranker.Pool pool = new Ranker.Pool(films, films.keySet(), popularity, Neighbours.NONE);
        Ranker.Viewer viewer = new Ranker.Viewer(List.of(new Watch("seen", NOW, 1)), Set.of(), Set.of(), "PG");

        List<String> plain = new Ranker(new Ranker.Weights(0.5, 0.3, 0.1, 0.1, 0)).forYou(pool, viewer, 3).stream()
                .map(Scored::filmId).toList();
        List<String> diverse = new Ranker().forYou(pool, viewer, 3).stream().map(Scored::filmId).toList();

        assertThat(plain).doesNotContain("c1");
        assertThat(diverse).contains("c1").doesNotContain("seen");
        assertThat(diverse.get(0)).startsWith("d");
    }

    @Test
    void coWatchSimilarityIsTheDampedCosineOfTheTwoAudiences() {
        assertThat(CoWatch.similarity(0, 5, 5)).isZero();
        // 4 of 4 viewers watched both: cosine 1, damped by 4 / (4 + 2)
        assertThat(CoWatch.similarity(4, 4, 4)).isCloseTo(4.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(CoWatch.similarity(4, 4, 16)).isLessThan(CoWatch.similarity(4, 4, 4));
    }

    @Test
    void aViewWeighsHalfAfterOneHalfLife() {
        TimeDecay decay = new TimeDecay(java.time.Duration.ofHours(24));
        assertThat(decay.weight(java.time.Duration.ZERO)).isEqualTo(1);
        assertThat(decay.weight(java.time.Duration.ofHours(24))).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(decay.weight(java.time.Duration.ofHours(48))).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-9));
    }
}
