package com.thewans.transcoding.job;

import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.storage.ObjectStorage;
import com.thewans.common.web.PageOf;
import com.thewans.transcoding.TranscodeSettings;

/** Starting, reading, cancelling and retrying jobs on behalf of creators and admins. */
@Service
public class JobService {

    private final JobStore jobs;
    private final JobQueue queue;
    private final FilmCatalog catalog;
    private final ObjectStorage storage;
    private final TranscodeSettings settings;

    JobService(JobStore jobs, JobQueue queue, FilmCatalog catalog, ObjectStorage storage, TranscodeSettings settings) {
        this.jobs = jobs;
        this.queue = queue;
        this.catalog = catalog;
        this.storage = storage;
        this.settings = settings;
    }

    /** Starts a job for a master already in the masters bucket, named by key. */
    @Transactional
    public TranscodeJob start(CurrentUser user, UUID filmId, String sourceKey, List<String> renditions) {
        UUID owner = catalog.requireCanTranscode(user, filmId);
        if (!user.isAdmin() && !sourceKey.startsWith(MasterKeys.filmPrefix(filmId))) {
            // creators name only masters uploaded for this film, never someone else's files
            throw new MasterNotOfFilm(filmId, sourceKey);
        }
        String bucket = storage.buckets().masters();
        if (!storage.exists(bucket, sourceKey)) {
            throw new MasterNotFound(sourceKey);
        }
        return create(filmId, owner, bucket, sourceKey, renditions);
    }

    /** Creates and queues a job (the upload completion path calls this too); one active job per film. */
    @Transactional
    public TranscodeJob create(UUID filmId, UUID creatorId, String bucket, String sourceKey, List<String> renditions) {
        UUID id = UUID.randomUUID();
        if (!jobs.queue(id, filmId, creatorId, bucket, sourceKey, renditions, settings.maxAttempts())) {
            throw new FilmAlreadyTranscoding(filmId, jobs.activeJobOf(filmId).orElse(null));
        }
        queue.enqueueAfterCommit(id);
        return jobs.find(id).orElseThrow();
    }

    /** Refuses early, before anything irreversible happens (joining an upload's parts), when the film is busy. */
    public void requireIdle(UUID filmId) {
        jobs.activeJobOf(filmId).ifPresent(active -> {
            throw new FilmAlreadyTranscoding(filmId, active);
        });
    }

    public TranscodeJob get(CurrentUser user, UUID jobId) {
        TranscodeJob job = jobs.find(jobId).orElseThrow(() -> new JobNotFound(jobId));
        if (!job.visibleTo(user.userId(), user.isAdmin())) {
            throw new JobNotFound(jobId);
        }
        return job;
    }

    public PageOf<JobView> list(CurrentUser user, UUID filmId, JobStatus status, int page, int size) {
        UUID creator = user.isAdmin() ? null : user.userId();
        List<JobView> items = jobs.list(creator, filmId, status, page, size).stream()
                .map(j -> JobView.of(j, user.isAdmin())).toList();
        return PageOf.of(items, page, size, jobs.count(creator, filmId, status));
    }

    /** Cancels a queued or running job; its worker notices at its next heartbeat and kills FFmpeg. */
    @Transactional
    public TranscodeJob cancel(CurrentUser user, UUID jobId) {
        TranscodeJob job = get(user, jobId);
        if (!jobs.cancel(jobId)) {
            TranscodeJob now = jobs.find(jobId).orElseThrow();
            throw new JobStateConflict(jobId, now.status(), "A " + now.status() + " job cannot be cancelled");
        }
        return jobs.find(job.id()).orElseThrow();
    }

    @Transactional
    public TranscodeJob retry(CurrentUser user, UUID jobId) {
        TranscodeJob job = get(user, jobId);
        var active = jobs.activeJobOf(job.filmId());
        if (active.isPresent() && !active.get().equals(jobId)) {
            throw new FilmAlreadyTranscoding(job.filmId(), active.get());
        }
        boolean requeued;
        try {
            requeued = jobs.retry(jobId);
        } catch (DuplicateKeyException e) {
            // another start won the race since the check above; the transaction is spoilt, so no lookup
            throw new FilmAlreadyTranscoding(job.filmId(), null);
        }
        if (!requeued) {
            TranscodeJob now = jobs.find(jobId).orElseThrow();
            throw new JobStateConflict(jobId, now.status(), "Only failed or cancelled jobs can be retried; this one is "
                    + now.status());
        }
        queue.enqueueAfterCommit(jobId);
        return jobs.find(jobId).orElseThrow();
    }
}
