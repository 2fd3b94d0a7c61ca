package com.thewans.advertising.tracking;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the pending counts from Redis to PostgreSQL in batches. The pending hash is RENAMEd to a batch
 * key of this flush's own (atomic: serving and beacons go on counting into a fresh hash), the batch is
 * added in one transaction that also records its id, and only then is the batch key deleted. A crash
 * at any point leaves either the batch key (picked up by the next flush of any instance) or the
 * recorded id (so the leftover key is deleted, not added again): nothing counted is lost or doubled.
 */
@Component
public class CountFlush {

    private static final Logger log = LoggerFactory.getLogger(CountFlush.class);

    private final StringRedisTemplate redis;
    private final AdCounts counts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CountFlush(StringRedisTemplate redis, AdCounts counts, PlatformTransactionManager transactionManager, Clock clock) {
        this.redis = redis;
        this.counts = counts;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${wans.ads.flush-interval:10s}",
            initialDelayString = "${wans.ads.flush-interval:10s}")
    void onSchedule() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Flushing ad counts failed; the next pass tries again: {}", e.getMessage());
        }
    }

    /** Flushes what is pending and any batch a crashed flush left; returns how many fields were added. */
    public synchronized int flush() {
        int added = 0;
        for (String leftover : leftovers()) {
            added += apply(leftover);
        }
        if (!Boolean.TRUE.equals(redis.hasKey(PendingCounts.KEY))) {
            return added;
        }
        String batch = PendingCounts.FLUSHING_PREFIX + UUID.randomUUID();
        Boolean moved;
        try {
            moved = redis.renameIfAbsent(PendingCounts.KEY, batch);
        } catch (org.springframework.dao.DataAccessException e) {
            // another instance moved the pending counts first (RENAME of a missing key is an error)
            if (String.valueOf(e.getMessage()).contains("no such key")) {
                return added;
            }
            throw e;
        }
        if (Boolean.TRUE.equals(moved)) {
            added += apply(batch);
        }
        return added;
    }

    private int apply(String batchKey) {
        Map<Object, Object> fields = redis.opsForHash().entries(batchKey);
        List<PendingCounts.Count> batch = new ArrayList<>();
        for (Map.Entry<Object, Object> f : fields.entrySet()) {
            PendingCounts.Count.parse((String) f.getKey(), (String) f.getValue()).ifPresentOrElse(batch::add,
                    () -> log.warn("Dropping an unreadable ad count field {}", f.getKey()));
        }
        String batchId = batchKey.substring(PendingCounts.FLUSHING_PREFIX.length());
        transactions.executeWithoutResult(status -> {
            if (counts.claimBatch(batchId, clock.instant())) {
                counts.add(batch);
            }
        });
        redis.delete(batchKey);
        return batch.size();
    }

    private Set<String> leftovers() {
        Set<String> keys = new HashSet<>();
        try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().match(PendingCounts.FLUSHING_PREFIX + "*")
                .count(100).build())) {
            cursor.forEachRemaining(keys::add);
        }
        return keys;
    }
}
