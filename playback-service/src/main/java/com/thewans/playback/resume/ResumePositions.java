package com.thewans.playback.resume;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Resume positions per viewer and film, written in batches from buffered heartbeats and at stop.
 * A write older than the stored one changes nothing (batches and stops may cross).
 */
@Repository
public class ResumePositions {

    /** One viewer's position in one film at one moment, as a heartbeat or a stop reported it. */
    public record Report(UUID userId, UUID filmId, int positionSeconds, int durationSeconds, Instant at) {
    }

    private static final RowMapper<ResumePosition> ROWS = (rs, i) -> new ResumePosition(
            rs.getObject("film_id", UUID.class), rs.getInt("position_seconds"), rs.getInt("duration_seconds"),
            rs.getTimestamp("updated_at").toInstant());

    private final JdbcTemplate jdbc;

    ResumePositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ResumePosition> of(UUID userId, UUID filmId) {
        return jdbc.query("select * from resume_positions where user_id = ? and film_id = ?", ROWS, userId, filmId)
                .stream().findFirst();
    }

    List<ResumePosition> continueWatching(UUID userId, int limit) {
        return jdbc.query("""
                select * from resume_positions where user_id = ? order by updated_at desc, film_id limit ?""", ROWS,
                userId, limit);
    }

    /**
     * Applies {@link ResumeRule} to each report: a resumable position is kept, a finished film's
     * point is cleared, and a position too early to count leaves the stored one alone (a client that
     * reports 0, or a viewer who peeks at the opening, never wipes where they were).
     */
    public void record(List<Report> reports) {
        List<Report> resumable = reports.stream()
                .filter(r -> ResumeRule.of(r.positionSeconds(), r.durationSeconds()) == ResumeRule.Outcome.RESUMABLE)
                .toList();
        List<Report> finished = reports.stream()
                .filter(r -> ResumeRule.of(r.positionSeconds(), r.durationSeconds()) == ResumeRule.Outcome.FINISHED)
                .toList();
        if (!resumable.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into resume_positions (user_id, film_id, position_seconds, duration_seconds, updated_at)
                    values (?, ?, ?, ?, ?)
                    on conflict (user_id, film_id) do update set position_seconds = excluded.position_seconds,
                        duration_seconds = excluded.duration_seconds, updated_at = excluded.updated_at
                    where resume_positions.updated_at <= excluded.updated_at""", resumable, resumable.size(),
                    (ps, r) -> {
                        ps.setObject(1, r.userId());
                        ps.setObject(2, r.filmId());
                        ps.setInt(3, r.positionSeconds());
                        ps.setInt(4, r.durationSeconds());
                        ps.setTimestamp(5, Timestamp.from(r.at()));
                    });
        }
        if (!finished.isEmpty()) {
            jdbc.batchUpdate("delete from resume_positions where user_id = ? and film_id = ? and updated_at <= ?",
                    finished, finished.size(), (ps, r) -> {
                        ps.setObject(1, r.userId());
                        ps.setObject(2, r.filmId());
                        ps.setTimestamp(3, Timestamp.from(r.at()));
                    });
        }
    }
}
