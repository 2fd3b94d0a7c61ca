package com.thewans.transcoding.job;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
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
        Object reply = redis.execute((RedisCallback<Object>) c -> execute(c, "XAUTOCLAIM", STREAM, GROUP, consumer,
                String.valueOf(minIdle.toMillis()), "0-0", "COUNT", "1"));
        if (!(reply instanceof List<?> parts) || parts.size() < 2 || !(parts.get(1) instanceof List<?> entries)) {
            return Optional.empty();
        }
        for (Object entry : entries) {
            if (entry instanceof List<?> pair && pair.size() == 2 && pair.get(1) instanceof List<?> fields) {
                String id = text(pair.get(0));
                for (int i = 0; i + 1 < fields.size(); i += 2) {
                    if ("jobId".equals(text(fields.get(i)))) {
                        return delivery(id, text(fields.get(i + 1)));
                    }
                }
                // an entry without a job id can never be run: drop it
                ack(id);
            }
        }
        return Optional.empty();
    }

    /** Resets the entry's idle time, so nobody reclaims a job this worker is still running. */
    public void keepAlive(String consumer, String entryId) {
        redis.execute((RedisCallback<Object>) c -> execute(c, "XCLAIM", STREAM, GROUP, consumer, "0", entryId,
                "JUSTID"));
    }

    public void ack(String entryId) {
        redis.opsForStream().acknowledge(STREAM, GROUP, RecordId.of(entryId));
    }

    public long pendingCount() {
        var summary = redis.opsForStream().pending(STREAM, GROUP);
        return summary == null ? 0 : summary.getTotalPendingMessages();
    }

    private static Object execute(RedisConnection connection, String command, String... args) {
        byte[][] raw = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            raw[i] = args[i].getBytes(StandardCharsets.UTF_8);
        }
        return connection.execute(command, raw);
    }

    private Optional<Delivery> delivery(String entryId, Object jobId) {
        try {
            return Optional.of(new Delivery(entryId, UUID.fromString(String.valueOf(jobId))));
        } catch (IllegalArgumentException e) {
            ack(entryId);
            return Optional.empty();
        }
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }
}
