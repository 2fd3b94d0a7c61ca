package com.thewans.transcoding.job;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import com.thewans.transcoding.TranscodeSettings;

/**
 * The safety net under the stream: a job that is QUEUED for longer than the visibility timeout, or
 * running with an expired lease, is put on the stream again (an enqueue lost between commit and
 * XADD, a Redis that lost its data). Duplicates are harmless, the job row decides who runs it. One
 * instance sweeps per period (a Redis lock).
 */
@Component
class JobSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobSweeper.class);
    private final JobStore jobs;
    private final JobQueue queue;
    private final StringRedisTemplate redis;
    private final Duration period;
    private ScheduledExecutorService scheduler;

    JobSweeper(JobStore jobs, JobQueue queue, StringRedisTemplate redis, TranscodeSettings settings) {
        this.jobs = jobs;
        this.queue = queue;
        this.redis = redis;
        this.period = settings.visibilityTimeout();
    }

    int sweepOnce() {
        Boolean mine = redis.opsForValue().setIfAbsent("transcode.sweeper.lock", "1", period.dividedBy(2));
        if (!Boolean.TRUE.equals(mine)) {
            return 0;
        }
        List<UUID> stranded = jobs.strandedJobs(period, 100);
        for (UUID id : stranded) {
            queue.enqueue(id);
            jobs.recordRequeued(id);
        }
        if (!stranded.isEmpty()) {
            log.info("Re-queued {} stranded transcoding job(s)", stranded.size());
        }
        return stranded.size();
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "transcode-sweeper");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                sweepOnce();
            } catch (RuntimeException e) {
                log.warn("Sweeping stranded jobs failed: {}", e.getMessage());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
