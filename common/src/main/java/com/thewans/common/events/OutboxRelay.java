package com.thewans.common.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves committed outbox rows to the event log. Rows are locked with SKIP LOCKED so several
 * instances of a service relay side by side without sending a row twice at the same time. A row is
 * stamped published only after the append succeeded, in the same transaction that locked it: if
 * the relay dies between the append and the commit, the row is sent again later. Delivery is
 * therefore at least once, and consumers de-duplicate by event id.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final EventLog eventLog;
    private final Duration pollInterval;
    private final int batchSize;
    private final Duration retention;
    private final Clock clock;
    private final Semaphore wakeUp = new Semaphore(0);
    private boolean autoStart = true;

    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, EventLog eventLog, Duration pollInterval,
            int batchSize, Duration retention, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.eventLog = eventLog;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.retention = retention;
        this.clock = clock;
    }

    private record Pending(UUID id, String type, String envelope) {
    }

    /** Publishes up to one batch of unpublished events; returns how many it sent. */
    public int relayOnce() {
        Integer sent = tx.execute(status -> {
            List<Pending> batch = jdbc.query("""
                    select id, type, envelope::text from outbox_event
                    where published_at is null
                    order by occurred_at, id
                    limit ? for update skip locked""",
                    (rs, i) -> new Pending(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)), batchSize);
            for (Pending event : batch) {
                eventLog.append(event.type(), event.id().toString(), event.envelope());
            }
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.batchUpdate("update outbox_event set published_at = ? where id = ?",
                    batch.stream().map(e -> new Object[] {now, e.id()}).toList());
            return batch.size();
        });
        return sent == null ? 0 : sent;
    }

    /** Published rows are kept for a while for support, then removed so the table stays small. */
    public int purgePublished() {
        return jdbc.update("delete from outbox_event where published_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
    }

    public OutboxRelay autoStart(boolean autoStart) {
        this.autoStart = autoStart;
        return this;
    }

    /** Called after a transaction with events commits, so they go out without waiting for the poll. */
    public void nudge() {
        wakeUp.release();
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        long nextPurge = 0;
        while (running) {
            try {
                int sent = relayOnce();
                if (System.currentTimeMillis() > nextPurge) {
                    purgePublished();
                    nextPurge = System.currentTimeMillis() + Duration.ofHours(1).toMillis();
                }
                if (sent == batchSize) {
                    continue; // more are waiting
                }
                wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database or Redis is away; rows stay unpublished and are retried
                log.warn("Outbox relay could not publish: {}", e.getMessage());
                sleepQuietly(pollInterval.multipliedBy(4));
            }
        }
    }

    private void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isAutoStartup() {
        return autoStart;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
