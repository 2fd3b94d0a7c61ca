package com.thewans.recommendation.compute;

import static com.thewans.common.db.SqlTimes.instant;
import static com.thewans.common.db.SqlTimes.ts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.recommendation.RecommendationSettings;
import com.thewans.recommendation.cache.RecommendationCache;
import com.thewans.recommendation.ranking.CoWatch;
import com.thewans.recommendation.ranking.TimeDecay;
import com.thewans.recommendation.ranking.Watch;

/**
 * The job that folds new watches into the stored scores, incrementally: it never rereads the whole
 * history. One pass, in one transaction, on one instance at a time (a transaction-scoped advisory
 * lock: an instance that does not get it skips the pass, the holder's work is the same work):
 * <ol>
 * <li>co-watch: each viewer-film pair that became meaningful since the last pass is counted once
 *     into the film's audience and into the pair counts with the viewer's earlier counted films;</li>
 * <li>similarities: every film whose counts moved gets its top neighbours rewritten (kind SIMILAR);</li>
 * <li>trending: every territory's scores are decayed from their last pass to now, then the views
 *     since are added with their own decay (kind TRENDING). With a half-life h a view t old weighs
 *     2^(-t/h), and decaying a sum is the same as summing decayed views, so the incremental score
 *     equals the full recount.</li>
 * </ol>
 */
@Component
public class Recompute {

    /** pg_try_advisory_xact_lock id of the pass ("rec" + 22). */
    static final long LOCK = 7_350_022L;
    /** Neighbours kept per film. */
    static final int NEIGHBOURS = 50;
    /** Work per pass, so one pass stays short; the next pass takes the rest. */
    static final int BATCH = 2_000;
    /** Trending scores below this are forgotten (a single view after about ten half-lives). */
    static final double FORGOTTEN = 0.001;

    /** What one pass did. */
    public record Pass(boolean ran, int watchesCounted, int filmsResimilarised, int viewsCounted) {

        boolean changedAnything() {
            return watchesCounted + filmsResimilarised + viewsCounted > 0;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RecommendationCache cache;
    private final Clock clock;
    private final TimeDecay decay;
    private final Duration halfLife;

    Recompute(JdbcTemplate jdbc, PlatformTransactionManager transactions, RecommendationCache cache, Clock clock,
            RecommendationSettings settings) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.cache = cache;
        this.clock = clock;
        this.halfLife = settings.trendingHalfLife();
        this.decay = new TimeDecay(halfLife);
    }

    /** One pass; nothing when another instance is in its pass right now. */
    public Pass run() {
        return transactions.execute(status -> {
            Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK);
            if (!Boolean.TRUE.equals(locked)) {
                return new Pass(false, 0, 0, 0);
            }
            Set<UUID> moved = new LinkedHashSet<>();
            int watches = countCoWatches(moved);
            for (UUID film : moved) {
                rewriteNeighbours(film);
            }
            int views = foldInViews(clock.instant());
            Pass pass = new Pass(true, watches, moved.size(), views);
            if (pass.changedAnything()) {
                cache.sharedChanged();
            }
            return pass;
        });
    }

    private int countCoWatches(Set<UUID> moved) {
        record Pair(UUID userId, UUID filmId) {
        }
        List<Pair> fresh = jdbc.query("""
                select user_id, film_id from watched where not counted and fraction >= ?
                order by last_at, user_id, film_id limit ?""",
                (rs, i) -> new Pair(rs.getObject("user_id", UUID.class), rs.getObject("film_id", UUID.class)),
                Watch.MEANINGFUL, BATCH);
        for (Pair pair : fresh) {
            List<UUID> earlier = jdbc.queryForList("""
                    select film_id from watch_history where user_id = ? and counted and film_id <> ?""",
                    UUID.class, pair.userId(), pair.filmId());
            jdbc.update("""
                    insert into film_audience (film_id, viewers) values (?, 1)
                    on conflict (film_id) do update set viewers = film_audience.viewers + 1""", pair.filmId());
            List<Object[]> pairs = new ArrayList<>();
            for (UUID other : earlier) {
                pairs.add(new Object[] {pair.filmId(), other});
                pairs.add(new Object[] {other, pair.filmId()});
            }
            jdbc.batchUpdate("""
                    insert into co_watch (film_id, other_film_id, viewers) values (?, ?, 1)
                    on conflict (film_id, other_film_id) do update set viewers = co_watch.viewers + 1""", pairs);
            jdbc.update("update watch_history set counted = true where user_id = ? and film_id = ?", pair.userId(),
                    pair.filmId());
            moved.add(pair.filmId());
            moved.addAll(earlier);
        }
        return fresh.size();
    }

    /** The film's best neighbours by ranking's co-watch similarity, replacing what was stored. */
    private void rewriteNeighbours(UUID film) {
        record Neighbour(UUID filmId, double similarity) {
        }
        List<Neighbour> neighbours = new ArrayList<>();
        jdbc.query("""
                select c.other_film_id, c.viewers, a.viewers as audience, b.viewers as other_audience
                from co_watch c join film_audience a on a.film_id = c.film_id
                join film_audience b on b.film_id = c.other_film_id where c.film_id = ?""", (RowCallbackHandler) rs ->
                neighbours.add(new Neighbour(rs.getObject("other_film_id", UUID.class), CoWatch.similarity(
                        rs.getInt("viewers"), rs.getInt("audience"), rs.getInt("other_audience")))), film);
        neighbours.sort((x, y) -> Double.compare(y.similarity(), x.similarity()));
        Instant now = clock.instant();
        jdbc.update("delete from recommendations where kind = 'SIMILAR' and subject = ?", film.toString());
        jdbc.batchUpdate("""
                insert into recommendations (kind, subject, film_id, score, computed_at) values ('SIMILAR', ?, ?, ?, ?)""",
                neighbours.stream().limit(NEIGHBOURS).filter(n -> n.similarity() > 0)
                        .map(n -> new Object[] {film.toString(), n.filmId(), n.similarity(), ts(now)}).toList());
    }

    private int foldInViews(Instant now) {
        // decay what is stored from its last pass to now (the same factor for every film of a pass)
        jdbc.update("""
                update recommendations set score = score * power(0.5, extract(epoch from (? - computed_at)) / ?),
                    computed_at = ?
                where kind = 'TRENDING' and computed_at < ?""",
                ts(now), halfLife.toMillis() / 1000.0, ts(now), ts(now));
        jdbc.update("delete from recommendations where kind = 'TRENDING' and score < ?", FORGOTTEN);
        record View(UUID sessionId, UUID filmId, String territory, Instant viewedAt) {
        }
        List<View> views = jdbc.query("""
                select session_id, film_id, territory, viewed_at from film_view where not counted
                order by viewed_at limit ?""", (rs, i) -> new View(rs.getObject("session_id", UUID.class),
                rs.getObject("film_id", UUID.class), rs.getString("territory"), instant(rs, "viewed_at")), BATCH);
        Map<List<Object>, Double> added = new HashMap<>();
        for (View view : views) {
            added.merge(List.of(view.territory(), view.filmId()), decay.weight(Duration.between(view.viewedAt(), now)),
                    Double::sum);
        }
        jdbc.batchUpdate("""
                insert into recommendations (kind, subject, film_id, score, computed_at) values ('TRENDING', ?, ?, ?, ?)
                on conflict (kind, subject, film_id) do update set score = recommendations.score + excluded.score""",
                added.entrySet().stream().map(e -> new Object[] {e.getKey().get(0), e.getKey().get(1), e.getValue(),
                    ts(now)}).toList());
        jdbc.batchUpdate("update film_view set counted = true where session_id = ?",
                views.stream().map(v -> new Object[] {v.sessionId()}).toList());
        return views.size();
    }
}
