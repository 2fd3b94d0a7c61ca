package com.thewans.transcoding.worker;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.transcoding.TranscodeSettings;
import com.thewans.media.FfmpegFailed;
import com.thewans.media.FfmpegRun;
import com.thewans.media.NotAPlayableVideo;
import com.thewans.transcoding.job.JobOutputs;
import com.thewans.transcoding.job.JobQueue;
import com.thewans.transcoding.job.JobStatus;
import com.thewans.transcoding.job.JobStore;
import com.thewans.transcoding.job.TranscodeEvents;
import com.thewans.transcoding.job.TranscodeJob;
import com.thewans.transcoding.web.WorkerMode;

import tools.jackson.databind.json.JsonMapper;

/**
 * The worker: {@code worker-concurrency} threads, each taking one job at a time from the stream
 * (first entries a dead worker left behind, via XAUTOCLAIM, then new ones). While a job runs, a
 * heartbeat extends its lease in PostgreSQL and its stream entry in Redis every few seconds and
 * writes its progress; a heartbeat that finds the lease gone (cancelled, or taken over) kills FFmpeg.
 */
@Component
@WorkerMode
public class TranscodeWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TranscodeWorkers.class);

    private final JobQueue queue;
    private final JobStore store;
    private final TranscodePipeline pipeline;
    private final TranscodeEvents events;
    private final TransactionTemplate tx;
    private final TranscodeSettings settings;
    private final JsonMapper json;
    private final String workerId;
    private final List<Thread> threads = new ArrayList<>();
    private final Set<ActiveJob> active = ConcurrentHashMap.newKeySet();
    private final AtomicInteger completed = new AtomicInteger();
    private ScheduledExecutorService heartbeats;
    private volatile boolean running;

    TranscodeWorkers(JobQueue queue, JobStore store, TranscodePipeline pipeline, TranscodeEvents events,
            TransactionTemplate tx, TranscodeSettings settings, JsonMapper json) {
        this.queue = queue;
        this.store = store;
        this.pipeline = pipeline;
        this.events = events;
        this.tx = tx;
        this.settings = settings;
        this.json = json;
        this.workerId = settings.workerId() == null || settings.workerId().isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8)
                : settings.workerId();
    }

    public String workerId() {
        return workerId;
    }

    /** One job this worker runs: its lease, where it is, and the FFmpeg process to kill on cancel. */
    private final class ActiveJob {
        final UUID jobId;
        final UUID leaseToken;
        final String entryId;
        final String consumer;
        final AtomicReference<JobStatus> status = new AtomicReference<>(JobStatus.PROBING);
        final AtomicInteger progress = new AtomicInteger();
        final AtomicReference<FfmpegRun> process = new AtomicReference<>();
        volatile boolean leaseLost;

        ActiveJob(UUID jobId, UUID leaseToken, String entryId, String consumer) {
            this.jobId = jobId;
            this.leaseToken = leaseToken;
            this.entryId = entryId;
            this.consumer = consumer;
        }

        void beat() {
            if (leaseLost) {
                return;
            }
            try {
                queue.keepAlive(consumer, entryId);
                if (!store.heartbeat(jobId, leaseToken, status.get(), progress.get(), settings.visibilityTimeout())) {
                    leaseLost = true;
                    log.info("Job {} was cancelled or taken over; stopping its FFmpeg", jobId);
                    kill();
                }
            } catch (RuntimeException e) {
                // a missed beat is retried at the next; the lease is several beats long
                log.warn("Heartbeat of job {} failed: {}", jobId, e.getMessage());
            }
        }

        void kill() {
            FfmpegRun run = process.get();
            if (run != null) {
                run.kill();
            }
        }
    }

    @Override
    public void start() {
        queue.ensureGroup();
        running = true;
        heartbeats = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "transcode-heartbeat");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < settings.workerConcurrency(); i++) {
            String consumer = workerId + "#" + i;
            Thread thread = new Thread(() -> loop(consumer), "transcode-worker-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        log.info("Transcoding worker {} runs {} job(s) at a time", workerId, settings.workerConcurrency());
    }

    private void loop(String consumer) {
        while (running) {
            try {
                Optional<JobQueue.Delivery> delivery = queue.reclaim(consumer, settings.visibilityTimeout());
                if (delivery.isEmpty()) {
                    delivery = queue.next(consumer, Duration.ofSeconds(1));
                }
                delivery.ifPresent(d -> handle(d, consumer));
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Worker loop: {}", e.getMessage());
                    pause(Duration.ofSeconds(1));
                }
            }
        }
    }

    /** Runs one delivered job, if the job row lets this worker take it. */
    void handle(JobQueue.Delivery delivery, String consumer) {
        UUID jobId = delivery.jobId();
        UUID token = UUID.randomUUID();
        if (!store.claim(jobId, token, workerId, settings.visibilityTimeout())) {
            if (store.exhausted(jobId)) {
                failExhausted(jobId);
            }
            // finished, cancelled, running elsewhere, or unknown: this entry has nothing left to do
            queue.ack(delivery.entryId());
            return;
        }
        TranscodeJob job = store.find(jobId).orElseThrow();
        log.info("Worker {} took job {} (film {}, attempt {})", workerId, jobId, job.filmId(), job.attempts());
        ActiveJob run = new ActiveJob(jobId, token, delivery.entryId(), consumer);
        active.add(run);
        long period = Math.max(200, Math.min(2000, settings.visibilityTimeout().toMillis() / 4));
        ScheduledFuture<?> beat = heartbeats.scheduleWithFixedDelay(run::beat, period, period, TimeUnit.MILLISECONDS);
        boolean settled = false;
        try {
            JobOutputs outputs = pipeline.run(job, token, new TranscodePipeline.Progress() {
                @Override
                public void at(JobStatus status, int percent) {
                    run.status.set(status);
                    run.progress.set(percent);
                    if (run.leaseLost) {
                        throw new LeaseLost();
                    }
                }

                @Override
                public void running(FfmpegRun process) {
                    run.process.set(process);
                    if (run.leaseLost) {
                        process.kill();
                    }
                }
            }, (sourceJson, duration) -> store.recordSource(jobId, token, sourceJson, duration));
            beat.cancel(false);
            settled = Boolean.TRUE.equals(tx.execute(status -> {
                UUID eventId = UUID.randomUUID();
                if (!store.complete(jobId, token, json.writeValueAsString(outputs), eventId)) {
                    return false;
                }
                events.completed(job, outputs);
                return true;
            }));
            if (settled) {
                pipeline.removeOtherAttempts(job, token);
                completed.incrementAndGet();
                log.info("Job {} completed by {}", jobId, workerId);
            }
        } catch (NotAPlayableVideo e) {
            settled = fail(job, token, e.getMessage(), null);
        } catch (FfmpegFailed e) {
            if (!run.leaseLost && running) {
                settled = fail(job, token, "FFmpeg could not transcode this master", e.outputTail());
            }
        } catch (LeaseLost e) {
            // cancelled or taken over: nothing of ours to settle
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (!run.leaseLost && running) {
                log.warn("Job {} failed", jobId, e); // with its causes: the reason stored for the job is short
                settled = fail(job, token, "The job could not be finished (" + e.getClass().getSimpleName()
                        + "); retry it", e.getMessage());
            }
        } finally {
            beat.cancel(false);
            active.remove(run);
            if (!running && !settled && !run.leaseLost) {
                // shutting down: hand the job straight back rather than waiting for the lease to run out
                if (store.release(jobId, token)) {
                    queue.enqueue(jobId);
                }
                queue.ack(delivery.entryId());
            } else if (settled || run.leaseLost && store.find(jobId).map(j -> j.status().isTerminal()).orElse(true)) {
                queue.ack(delivery.entryId());
            }
        }
    }

    private boolean fail(TranscodeJob job, UUID token, String reason, String outputLog) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!store.fail(job.id(), token, reason, outputLog)) {
                return false;
            }
            events.failed(job, reason, store.find(job.id()).map(TranscodeJob::attempts).orElse(0));
            return true;
        }));
    }

    private void failExhausted(UUID jobId) {
        tx.executeWithoutResult(status -> store.find(jobId).ifPresent(job -> {
            String reason = "Its worker stopped during every allowed attempt (" + job.attempts()
                    + "); retry the job";
            if (store.failExhausted(jobId, reason)) {
                events.failed(job, reason, job.attempts());
            }
        }));
    }

    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("lease lost", null, false, false);
        }
    }

    /** Jobs finished by this process (for tests and the bench). */
    public int completedCount() {
        return completed.get();
    }

    /** FFmpeg processes this worker runs now, by job (for tests). */
    public Map<UUID, Long> runningProcesses() {
        Map<UUID, Long> pids = new java.util.HashMap<>();
        for (ActiveJob job : active) {
            FfmpegRun run = job.process.get();
            if (run != null && run.isAlive()) {
                pids.put(job.jobId, run.pid());
            }
        }
        return pids;
    }

    @Override
    public void stop() {
        running = false;
        for (ActiveJob job : active) {
            job.kill();
        }
        for (Thread thread : threads) {
            try {
                thread.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server and the database pool go away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
