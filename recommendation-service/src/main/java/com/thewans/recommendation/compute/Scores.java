package com.thewans.recommendation.compute;

import static com.thewans.common.db.SqlTimes.instant;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import com.thewans.recommendation.RecommendationSettings;
import com.thewans.recommendation.ranking.Neighbours;
import com.thewans.recommendation.ranking.TimeDecay;

/** Reads what the job stored: trending scores by territory (decayed to now) and co-watch neighbours. */
@Component
public class Scores {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final TimeDecay decay;

    Scores(JdbcTemplate jdbc, Clock clock, RecommendationSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.decay = new TimeDecay(settings.trendingHalfLife());
    }

    /** Each film's trending score in the territory as of now, highest first (views decayed since the last pass too). */
    public Map<String, Double> trending(String territory) {
        Map<String, Double> scores = new LinkedHashMap<>();
        jdbc.query("""
                select film_id, score, computed_at from recommendations where kind = 'TRENDING' and subject = ?
                order by score desc, film_id""", (RowCallbackHandler) rs -> scores.put(
                rs.getObject("film_id", UUID.class).toString(),
                rs.getDouble("score") * decay.weight(Duration.between(instant(rs, "computed_at"), clock.instant()))),
                territory);
        return scores;
    }

    /**
     * How popular each film is in the territory: its trending score, plus a little for its all-time
     * audience (anywhere), so films whose views have decayed away are still ordered by who watched them.
     */
    public Map<String, Double> popularity(String territory) {
        Map<String, Double> scores = new HashMap<>(trending(territory));
        jdbc.query("select film_id, viewers from film_audience", (RowCallbackHandler) rs -> scores.merge(
                rs.getObject("film_id", UUID.class).toString(), 0.01 * rs.getInt("viewers"), Double::sum));
        return scores;
    }

    /** The stored co-watch neighbours of these films, as ranking reads them. */
    public Neighbours neighboursOf(Collection<UUID> films) {
        Map<String, Map<String, Double>> all = new HashMap<>();
        if (!films.isEmpty()) {
            jdbc.query("""
                    select subject, film_id, score from recommendations where kind = 'SIMILAR' and subject = any(?)""",
                    (RowCallbackHandler) rs -> all.computeIfAbsent(rs.getString("subject"), k -> new HashMap<>())
                            .put(rs.getObject("film_id", UUID.class).toString(), rs.getDouble("score")),
                    (Object) films.stream().map(UUID::toString).toArray(String[]::new));
        }
        return film -> all.getOrDefault(film, Map.of());
    }
}
