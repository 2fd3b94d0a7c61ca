package com.thewans.catalog.asset;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.storage.ObjectStorage;
import com.thewans.common.storage.StorageUnavailable;

/**
 * Deletes artwork that was uploaded (or not) but never confirmed, an hour after its ticket
 * expired, so abandoned uploads do not pile up in storage. Instances share the work: each batch
 * locks its tickets with SKIP LOCKED. A storage outage leaves the tickets for the next round.
 */
@Component
class UnconfirmedUploadSweeper {

    private static final Logger log = LoggerFactory.getLogger(UnconfirmedUploadSweeper.class);
    static final Duration GRACE = Duration.ofHours(1);
    private static final int BATCH = 100;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ObjectStorage storage;

    UnconfirmedUploadSweeper(JdbcTemplate jdbc, TransactionTemplate transactions, ObjectStorage storage) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.storage = storage;
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT10M")
    void sweepOnSchedule() {
        try {
            sweep();
        } catch (StorageUnavailable e) {
            log.warn("storage unavailable; unconfirmed uploads are swept next time");
        }
    }

    /** Sweeps expired tickets until none are left; returns how many objects were removed. */
    int sweep() {
        int removed = 0;
        while (true) {
            Integer batch = transactions.execute(status -> {
                List<String> keys = jdbc.queryForList("""
                        select object_key from asset_upload where expires_at < now() - ?::interval
                        order by expires_at limit ? for update skip locked""", String.class,
                        GRACE.toSeconds() + " seconds", BATCH);
                for (String key : keys) {
                    storage.delete(storage.buckets().assets(), key); // idempotent: never uploaded is fine
                    jdbc.update("delete from asset_upload where object_key = ?", key);
                }
                return keys.size();
            });
            removed += batch == null ? 0 : batch;
            if (batch == null || batch < BATCH) {
                return removed;
            }
        }
    }
}
