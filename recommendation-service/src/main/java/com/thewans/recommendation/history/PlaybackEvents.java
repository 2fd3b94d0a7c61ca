package com.thewans.recommendation.history;

import static com.thewans.common.db.SqlTimes.ts;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.thewans.common.events.EventHandler;
import com.thewans.recommendation.cache.RecommendationCache;

/**
 * Watch history from playback's events. common's consumer skips an event id it has handled; on top
 * of that a session counts as started once and stopped once (its row in watch_session), so the
 * same session announced again under another id adds nothing. A stop may arrive before its start
 * (streams are read side by side): each does its own part whenever it comes. Films the service has
 * not seen yet are kept: the history row waits for the film's event.
 */
@Configuration(proxyBeanMethods = false)
class PlaybackEvents {

    /** Recommendation's view of playback.started. */
    record PlaybackStarted(UUID sessionId, UUID userId, UUID filmId, String territory, Instant startedAt,
            Double resumeFromSeconds) {

        PlaybackStarted {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(filmId, "filmId");
            Objects.requireNonNull(territory, "territory");
            Objects.requireNonNull(startedAt, "startedAt");
            territory = territory.toUpperCase(Locale.ROOT);
        }
    }

    /** Recommendation's view of playback.stopped. */
    record PlaybackStopped(UUID sessionId, UUID userId, UUID filmId, Instant stoppedAt, Double watchedSeconds,
            Double positionSeconds, Boolean finished) {

        PlaybackStopped {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(filmId, "filmId");
            Objects.requireNonNull(stoppedAt, "stoppedAt");
            watchedSeconds = watchedSeconds == null ? 0 : Math.max(0, watchedSeconds);
            finished = finished != null && finished;
        }
    }

    @Bean
    EventHandler playbackStarted(JdbcTemplate jdbc, RecommendationCache cache) {
        return EventHandler.of("playback.started", PlaybackStarted.class, (start, event) -> {
            int first = jdbc.update("""
                    insert into watch_session (session_id, user_id, film_id, started) values (?, ?, ?, true)
                    on conflict (session_id) do update set started = true where not watch_session.started""",
                    start.sessionId(), start.userId(), start.filmId());
            if (first == 0) {
                return;
            }
            jdbc.update("""
                    insert into film_view (session_id, film_id, territory, viewed_at) values (?, ?, ?, ?)
                    on conflict (session_id) do nothing""",
                    start.sessionId(), start.filmId(), start.territory(), ts(start.startedAt()));
            Integer resume = start.resumeFromSeconds() == null ? null : (int) Math.floor(start.resumeFromSeconds());
            jdbc.update("""
                    insert into watch_history (user_id, film_id, sessions, position_seconds, position_at, first_at, last_at)
                    values (?, ?, 1, ?, ?, ?, ?)
                    on conflict (user_id, film_id) do update set sessions = watch_history.sessions + 1,
                        position_seconds = case when watch_history.position_at is null
                            or watch_history.position_at < excluded.position_at
                            then coalesce(excluded.position_seconds, watch_history.position_seconds)
                            else watch_history.position_seconds end,
                        position_at = greatest(watch_history.position_at, excluded.position_at),
                        first_at = least(watch_history.first_at, excluded.first_at),
                        last_at = greatest(watch_history.last_at, excluded.last_at)""",
                    start.userId(), start.filmId(), resume, ts(start.startedAt()), ts(start.startedAt()),
                    ts(start.startedAt()));
            cache.viewerChanged(start.userId());
        });
    }

    @Bean
    EventHandler playbackStopped(JdbcTemplate jdbc, RecommendationCache cache) {
        return EventHandler.of("playback.stopped", PlaybackStopped.class, (stop, event) -> {
            int first = jdbc.update("""
                    insert into watch_session (session_id, user_id, film_id, stopped) values (?, ?, ?, true)
                    on conflict (session_id) do update set stopped = true where not watch_session.stopped""",
                    stop.sessionId(), stop.userId(), stop.filmId());
            if (first == 0) {
                return;
            }
            Integer position = stop.positionSeconds() == null ? null : (int) Math.floor(stop.positionSeconds());
            // the stop's own time orders positions: a late stop of an older session does not move it back
            jdbc.update("""
                    insert into watch_history (user_id, film_id, watched_seconds, position_seconds, position_at,
                        finished, first_at, last_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (user_id, film_id) do update
                    set watched_seconds = watch_history.watched_seconds + excluded.watched_seconds,
                        position_seconds = case when watch_history.position_at is null
                            or watch_history.position_at <= excluded.position_at
                            then coalesce(excluded.position_seconds, watch_history.position_seconds)
                            else watch_history.position_seconds end,
                        position_at = greatest(watch_history.position_at, excluded.position_at),
                        finished = watch_history.finished or excluded.finished,
                        first_at = least(watch_history.first_at, excluded.first_at),
                        last_at = greatest(watch_history.last_at, excluded.last_at)""",
                    stop.userId(), stop.filmId(), Math.round(stop.watchedSeconds()), position, ts(stop.stoppedAt()),
                    stop.finished(), ts(stop.stoppedAt()), ts(stop.stoppedAt()));
            cache.viewerChanged(stop.userId());
        });
    }
}
