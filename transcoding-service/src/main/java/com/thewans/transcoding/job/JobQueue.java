package com.thewans.transcoding.job;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The Redis Stream workers take jobs from, through one consumer group. An entry only names a job;
 * the job row in PostgreSQL decides who runs it, so a duplicate or stale entry is harmless. Entries
 * a dead worker left pending are taken over with XAUTOCLAIM after the visibility timeout; a live
 * worker keeps its entry fresh with a JUSTID XCLAIM heartbeat.
 */
@Component
public class JobQueue {

    public static final String STREAM = "transcode.jobs";
    public static final String GROUP = "transcode-workers";

    /** One delivered entry: the stream entry id and the job it names. */
    public record Delivery(String entryId, UUID jobId) {
    }

    // a script, so the nested XAUTOCLAIM reply is read on the server and one entry comes back flat;
    // an entry without a job id (or deleted from the stream) can never run and is acknowledged
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final RedisScript<List<String>> RECLAIM = new DefaultRedisScript("""
            local reply = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], '0-0', 'COUNT', '1')
            for _, entry in ipairs(reply[2]) do
              if type(entry) == 'table' then
                local fields = entry[2]
                if type(fields) == 'table' then
                  for i = 1, #fields, 2 do
                    if fields[i] == 'jobId' then return {entry[1], fields[i + 1]} end
                  end
                end
                redis.call('XACK', KEYS[1], ARGV[1], entry[1])
              end
            end
            return {}""", List.class);
    private static final RedisScript<Long> KEEP_ALIVE = new DefaultRedisScript<>("""
            redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'JUSTID')
            return 1""", Long.class);

    private final StringRedisTemplate redis;

    JobQueue(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** Queues the job once the surrounding transaction committed, so a worker never sees a job row that is not there. */
    public void enqueueAfterCommit(UUID jobId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    enqueue(jobId);
                }
            });
        } else {
            enqueue(jobId);
        }
    }

    public void enqueue(UUID jobId) {
        ensureGroup();
        redis.opsForStream().add(StreamRecords.string(Map.of("jobId", jobId.toString())).withStreamKey(STREAM));
    }

    public void ensureGroup() {
        try {
            redis.execute((RedisCallback<String>) c -> c.streamCommands()
                    .xGroupCreate(STREAM.getBytes(StandardCharsets.UTF_8), GROUP, ReadOffset.from("0"), true));
        } catch (RedisSystemException e) {
            String reason = NestedExceptionUtils.getMostSpecificCause(e).getMessage();
            if (reason == null || !reason.contains("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /** A new entry for this consumer, waiting up to {@code block}. */
    public Optional<Delivery> next(String consumer, Duration block) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(Consumer.from(GROUP, consumer),
                StreamReadOptions.empty().count(1).block(block), StreamOffset.create(STREAM, ReadOffset.lastConsumed()));
        if (records == null || records.isEmpty()) {
            return Optional.empty();
        }
        return delivery(records.get(0).getId().getValue(), records.get(0).getValue().get("jobId"));
    }

    /** An entry another consumer left unacknowledged for longer than {@code minIdle} (XAUTOCLAIM, Redis 6.2+). */
    public Optional<Delivery> reclaim(String consumer, Duration minIdle) {
        List<String> claimed = redis.execute(RECLAIM, List.of(STREAM), GROUP, consumer,
                String.valueOf(minIdle.toMillis()));
        if (claimed == null || claimed.size() < 2) {
            return Optional.empty();
        }
        return delivery(claimed.get(0), claimed.get(1));
    }

    /** Resets the entry's idle time, so nobody reclaims a job this worker is still running. */
    public void keepAlive(String consumer, String entryId) {
        redis.execute(KEEP_ALIVE, List.of(STREAM), GROUP, consumer, entryId);
    }

    public void ack(String entryId) {
        redis.opsForStream().acknowledge(STREAM, GROUP, RecordId.of(entryId));
    }

    public long pendingCount() {
        var summary = redis.opsForStream().pending(STREAM, GROUP);
        return summary == null ? 0 : summary.getTotalPendingMessages();
    }

    private Optional<Delivery> delivery(String entryId, Object jobId) {
        try {
            return Optional.of(new Delivery(entryId, UUID.fromString(String.valueOf(jobId))));
        } catch (IllegalArgumentException e) {
            ack(entryId);
            return Optional.empty();
        }
    }

}
