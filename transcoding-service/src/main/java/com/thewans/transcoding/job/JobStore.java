package com.thewans.transcoding.job;

import static com.thewans.common.db.SqlTimes.instant;
import static com.thewans.common.db.SqlTimes.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The transcoding_jobs table, and the only place a job changes state: queue, claim (start, or
 * reclaim after a lease ran out), heartbeat (progress), complete, fail, fail when exhausted,
 * release, cancel, retry, and the external worker's take/progress, complete and fail. Each is one
 * conditional update on the job's lease token and state: a worker that lost its lease (cancelled,
 * or taken over after it stalled) changes nothing, and a job reaches COMPLETED or FAILED at most once.
 */
@Repository
public class JobStore {

    static final String RUNNING_STATES = sqlList(JobStatus.RUNNING);
    static final String ACTIVE_STATES = sqlList(JobStatus.ACTIVE);
    private static final String COLUMNS = """
            id, film_id, creator_id, source_bucket, source_key, requested_rungs, status, progress, attempts,
            max_attempts, lease_token, lease_expires_at, worker_id, executor, failure_reason, failure_log,
            source_info::text, outputs::text, duration_seconds, created_at, updated_at, started_at, finished_at""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JobStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Inserts a queued job unless the film already has an active one (the partial unique index
     * decides, so two concurrent starts cannot both succeed); false when it had.
     */
    public boolean queue(UUID id, UUID filmId, UUID creatorId, String bucket, String key, List<String> rungs,
            int maxAttempts) {
        Timestamp now = ts(clock.instant());
        return jdbc.update("""
                insert into transcoding_jobs (id, film_id, creator_id, source_bucket, source_key, requested_rungs,
                    status, max_attempts, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?)
                on conflict (film_id) where status in %s do nothing""".formatted(ACTIVE_STATES),
                id, filmId, creatorId, bucket, key, String.join(",", rungs), maxAttempts, now, now) == 1;
    }

    public Optional<TranscodeJob> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from transcoding_jobs where id = ?", MAPPER, id).stream().findFirst();
    }

    public Optional<UUID> activeJobOf(UUID filmId) {
        return jdbc.queryForList("select id from transcoding_jobs where film_id = ? and status in " + ACTIVE_STATES,
                UUID.class, filmId).stream().findFirst();
    }

    /** A page of jobs, newest first; {@code creatorId} null means everyone's (admins). */
    public List<TranscodeJob> list(UUID creatorId, UUID filmId, JobStatus status, int page, int size) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from transcoding_jobs where true");
        List<Object> args = new ArrayList<>();
        filters(sql, args, creatorId, filmId, status);
        sql.append(" order by created_at desc, id limit ? offset ?");
        args.add(size);
        args.add((long) page * size);
        return jdbc.query(sql.toString(), MAPPER, args.toArray());
    }

    public long count(UUID creatorId, UUID filmId, JobStatus status) {
        StringBuilder sql = new StringBuilder("select count(*) from transcoding_jobs where true");
        List<Object> args = new ArrayList<>();
        filters(sql, args, creatorId, filmId, status);
        Long count = jdbc.queryForObject(sql.toString(), Long.class, args.toArray());
        return count == null ? 0 : count;
    }

    private static void filters(StringBuilder sql, List<Object> args, UUID creatorId, UUID filmId, JobStatus status) {
        if (creatorId != null) {
            sql.append(" and creator_id = ?");
            args.add(creatorId);
        }
        if (filmId != null) {
            sql.append(" and film_id = ?");
            args.add(filmId);
        }
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status.name());
        }
    }

    /**
     * Takes the job for this worker: a queued job, or a running one whose lease ran out (its worker
     * died or stalled). Atomic in PostgreSQL: of two workers only one gets a row back.
     */
    public boolean claim(UUID id, UUID leaseToken, String workerId, Duration lease) {
        Instant now = clock.instant();
        return jdbc.update("""
                update transcoding_jobs set status = 'PROBING', progress = 0, attempts = attempts + 1,
                    lease_token = ?, lease_expires_at = ?, worker_id = ?, started_at = coalesce(started_at, ?),
                    failure_reason = null, failure_log = null, updated_at = ?
                where id = ? and executor = 'INTERNAL' and attempts < max_attempts
                  and (status = 'QUEUED' or (status in %s and lease_expires_at < ?))""".formatted(RUNNING_STATES),
                leaseToken, ts(now.plus(lease)), workerId, ts(now), ts(now), id,
                ts(now)) == 1;
    }

    /** A running job whose lease expired after its last allowed attempt: nobody may start it again. */
    public boolean exhausted(UUID id) {
        Integer n = jdbc.queryForObject("""
                select count(*) from transcoding_jobs where id = ? and attempts >= max_attempts
                  and (status = 'QUEUED' or (status in %s and lease_expires_at < ?))""".formatted(RUNNING_STATES),
                Integer.class, id, ts(clock.instant()));
        return n != null && n == 1;
    }

    /** Fails a job nobody holds (exhausted attempts); false if someone else settled it first. */
    public boolean failExhausted(UUID id, String reason) {
        Timestamp now = ts(clock.instant());
        return jdbc.update("""
                update transcoding_jobs set status = 'FAILED', failure_reason = ?, lease_token = null,
                    finished_at = ?, updated_at = ?
                where id = ? and attempts >= max_attempts
                  and (status = 'QUEUED' or (status in %s and lease_expires_at < ?))""".formatted(RUNNING_STATES),
                reason, now, now, id, now) == 1;
    }

    /** Heartbeat: records the state and progress and extends the lease; false once the lease is lost. */
    public boolean heartbeat(UUID id, UUID leaseToken, JobStatus status, int progress, Duration lease) {
        Instant now = clock.instant();
        return jdbc.update("""
                update transcoding_jobs set status = ?, progress = ?, lease_expires_at = ?, updated_at = ?
                where id = ? and lease_token = ? and status in %s""".formatted(RUNNING_STATES),
                status.name(), Math.max(0, Math.min(100, progress)), ts(now.plus(lease)),
                ts(now), id, leaseToken) == 1;
    }

    public void recordSource(UUID id, UUID leaseToken, String sourceInfoJson, double durationSeconds) {
        jdbc.update("""
                update transcoding_jobs set source_info = ?::jsonb, duration_seconds = ?
                where id = ? and lease_token = ?""", sourceInfoJson, durationSeconds, id, leaseToken);
    }

    /** The single way to COMPLETED for a leased job; the caller publishes the event in the same transaction. */
    public boolean complete(UUID id, UUID leaseToken, String outputsJson, UUID eventId) {
        Timestamp now = ts(clock.instant());
        return jdbc.update("""
                update transcoding_jobs set status = 'COMPLETED', progress = 100, outputs = ?::jsonb,
                    lease_token = null, lease_expires_at = null, completion_event_id = ?, finished_at = ?, updated_at = ?
                where id = ? and lease_token = ? and status in %s""".formatted(RUNNING_STATES),
                outputsJson, eventId, now, now, id, leaseToken) == 1;
    }

    public boolean fail(UUID id, UUID leaseToken, String reason, String log) {
        Timestamp now = ts(clock.instant());
        return jdbc.update("""
                update transcoding_jobs set status = 'FAILED', failure_reason = ?, failure_log = ?,
                    lease_token = null, lease_expires_at = null, finished_at = ?, updated_at = ?
                where id = ? and lease_token = ? and status in %s""".formatted(RUNNING_STATES),
                truncate(reason, 500), truncate(log, 20_000), now, now, id, leaseToken) == 1;
    }

    /** Gives a job back to the queue (a worker shutting down cleanly), without using up an attempt. */
    public boolean release(UUID id, UUID leaseToken) {
        return jdbc.update("""
                update transcoding_jobs set status = 'QUEUED', progress = 0, attempts = greatest(attempts - 1, 0),
                    lease_token = null, lease_expires_at = null, worker_id = null, updated_at = ?
                where id = ? and lease_token = ? and status in %s""".formatted(RUNNING_STATES),
                ts(clock.instant()), id, leaseToken) == 1;
    }

    /** Any active job to CANCELLED; its worker, if any, loses the lease and stops at its next heartbeat. */
    public boolean cancel(UUID id) {
        Timestamp now = ts(clock.instant());
        return jdbc.update("""
                update transcoding_jobs set status = 'CANCELLED', lease_token = null, lease_expires_at = null,
                    finished_at = ?, updated_at = ?
                where id = ? and status in %s""".formatted(ACTIVE_STATES), now, now, id) == 1;
    }

    /**
     * Retry: FAILED or CANCELLED back to QUEUED with a fresh attempt budget (the unique index
     * allows one active job per film).
     */
    public boolean retry(UUID id) {
        return jdbc.update("""
                update transcoding_jobs set status = 'QUEUED', progress = 0, attempts = 0, failure_reason = null,
                    failure_log = null, outputs = null, worker_id = null, executor = 'INTERNAL', started_at = null,
                    finished_at = null, completion_event_id = null, updated_at = ?
                where id = ? and status in ('FAILED', 'CANCELLED')""", ts(clock.instant()), id) == 1;
    }

    /** Jobs that should be on the queue but may not be (an enqueue lost in a crash, Redis restarted). */
    public List<UUID> strandedJobs(Duration olderThan, int limit) {
        Timestamp cutoff = ts(clock.instant().minus(olderThan));
        return jdbc.queryForList("""
                select id from transcoding_jobs
                where executor = 'INTERNAL' and ((status = 'QUEUED' and updated_at < ?)
                   or (status in %s and lease_expires_at < ?))
                order by updated_at limit ?""".formatted(RUNNING_STATES), UUID.class, cutoff, ts(clock.instant()),
                limit);
    }

    /** The sweeper put a queued job on the stream again: it is not stranded for another period. */
    public void recordRequeued(UUID id) {
        jdbc.update("update transcoding_jobs set updated_at = ? where id = ? and status = 'QUEUED'",
                ts(clock.instant()), id);
    }

    // --- external workers (webhook) ---

    /** An external worker takes a queued job, or reports on one it already has. */
    public boolean externalProgress(UUID id, String workerId, JobStatus status, int progress) {
        Timestamp now = ts(clock.instant());
        return jdbc.update("""
                update transcoding_jobs set executor = 'EXTERNAL', worker_id = ?, status = ?, progress = ?,
                    started_at = coalesce(started_at, ?), attempts = case when status = 'QUEUED' then attempts + 1
                    else attempts end, updated_at = ?
                where id = ? and ((status = 'QUEUED' and executor = 'INTERNAL' and lease_token is null)
                   or (executor = 'EXTERNAL' and worker_id = ? and status in %s))""".formatted(ACTIVE_STATES),
                workerId, status.name(), progress, now, now, id, workerId) == 1;
    }

    public boolean externalComplete(UUID id, String workerId, String outputsJson, Double duration, UUID eventId) {
        Timestamp now = ts(clock.instant());
        return jdbc.update("""
                update transcoding_jobs set status = 'COMPLETED', progress = 100, outputs = ?::jsonb,
                    duration_seconds = coalesce(?, duration_seconds), completion_event_id = ?, finished_at = ?,
                    updated_at = ?
                where id = ? and executor = 'EXTERNAL' and worker_id = ? and status in %s""".formatted(ACTIVE_STATES),
                outputsJson, duration, eventId, now, now, id, workerId) == 1;
    }

    public boolean externalFail(UUID id, String workerId, String reason) {
        Timestamp now = ts(clock.instant());
        return jdbc.update("""
                update transcoding_jobs set status = 'FAILED', failure_reason = ?, finished_at = ?, updated_at = ?
                where id = ? and executor = 'EXTERNAL' and worker_id = ? and status in %s""".formatted(ACTIVE_STATES),
                truncate(reason, 500), now, now, id, workerId) == 1;
    }

    private static String sqlList(Set<JobStatus> states) {
        return states.stream().map(state -> "'" + state.name() + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(value.length() - max);
    }

    private static final RowMapper<TranscodeJob> MAPPER = JobStore::map;

    private static TranscodeJob map(ResultSet rs, int row) throws SQLException {
        String rungs = rs.getString("requested_rungs");
        return new TranscodeJob(rs.getObject("id", UUID.class), rs.getObject("film_id", UUID.class),
                rs.getObject("creator_id", UUID.class), rs.getString("source_bucket"), rs.getString("source_key"),
                rungs == null || rungs.isBlank() ? List.of() : Arrays.asList(rungs.split(",")),
                JobStatus.valueOf(rs.getString("status")), rs.getInt("progress"), rs.getInt("attempts"),
                rs.getInt("max_attempts"), rs.getObject("lease_token", UUID.class), instant(rs, "lease_expires_at"),
                rs.getString("worker_id"), rs.getString("executor"), rs.getString("failure_reason"),
                rs.getString("failure_log"), rs.getString("source_info"), rs.getString("outputs"),
                (Double) rs.getObject("duration_seconds"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"));
    }
}
