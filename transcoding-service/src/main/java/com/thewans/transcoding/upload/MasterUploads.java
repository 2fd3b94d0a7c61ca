package com.thewans.transcoding.upload;

import static com.thewans.common.db.SqlTimes.instant;
import static com.thewans.common.db.SqlTimes.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.problem.InvalidField;
import com.thewans.common.security.CurrentUser;
import com.thewans.common.storage.ObjectStorage;
import com.thewans.common.storage.PresignedRequest;
import com.thewans.common.storage.UploadedPart;
import com.thewans.transcoding.TranscodeSettings;
import com.thewans.transcoding.job.FilmCatalog;
import com.thewans.transcoding.job.JobService;
import com.thewans.transcoding.job.MasterKeys;
import com.thewans.transcoding.job.TranscodeJob;

/**
 * Masters go from the browser straight to storage as an S3 multipart upload with presigned part
 * URLs: the service never carries the gigabytes. Completing the upload joins the parts and queues
 * the job.
 */
@Service
class MasterUploads {

    static final long MIN_PART = 16L * 1024 * 1024;          // S3 needs 5 MiB; 16 MiB keeps part counts low
    static final long MAX_MASTER = 500L * 1024 * 1024 * 1024; // 500 GiB: a 4K ProRes feature fits
    static final int PRESIGN_BATCH = 100;

    record Upload(UUID id, UUID filmId, UUID creatorId, String bucket, String key, String uploadId, String fileName,
            String contentType, long sizeBytes, long partSize, int partCount, List<String> renditions, String status,
            UUID jobId, Instant expiresAt) {
    }

    record PartUrl(int partNumber, String method, String url, java.util.Map<String, String> headers,
            Instant expiresAt) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectStorage storage;
    private final FilmCatalog catalog;
    private final JobService jobs;
    private final TranscodeSettings settings;
    private final Clock clock;

    MasterUploads(JdbcTemplate jdbc, ObjectStorage storage, FilmCatalog catalog, JobService jobs,
            TranscodeSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.catalog = catalog;
        this.jobs = jobs;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    Upload initiate(CurrentUser user, UUID filmId, String fileName, String contentType, long sizeBytes,
            List<String> renditions) {
        UUID owner = catalog.requireCanTranscode(user, filmId);
        if (sizeBytes > MAX_MASTER) {
            throw new MasterTooLarge(MAX_MASTER);
        }
        // parts of at least 16 MiB, and never more than S3's 10,000 parts
        long partSize = Math.max(MIN_PART, ceilDiv(sizeBytes, 10_000));
        int partCount = (int) ceilDiv(sizeBytes, partSize);
        UUID id = UUID.randomUUID();
        String bucket = storage.buckets().masters();
        String key = MasterKeys.master(filmId, id, fileName);
        String uploadId = storage.createMultipartUpload(bucket, key, contentType);
        Instant now = clock.instant();
        Instant expires = now.plus(settings.uploadExpiry());
        jdbc.update("""
                insert into master_uploads (id, film_id, creator_id, bucket, object_key, upload_id, file_name,
                    content_type, size_bytes, part_size, part_count, requested_rungs, status, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""",
                id, filmId, owner, bucket, key, uploadId, fileName, contentType, sizeBytes, partSize,
                partCount, String.join(",", renditions), ts(now), ts(expires));
        return find(id);
    }

    List<PartUrl> presign(Upload upload, List<Integer> partNumbers) {
        List<PartUrl> urls = new ArrayList<>();
        java.time.Duration expiry = java.time.Duration.between(clock.instant(), upload.expiresAt());
        if (expiry.isNegative() || expiry.isZero()) {
            throw new UploadExpired(upload.id());
        }
        for (int part : partNumbers) {
            if (part < 1 || part > upload.partCount()) {
                throw new InvalidField("partNumbers", "part numbers of this upload run from 1 to " + upload.partCount()
                        + "; " + part + " is not one of them").with("partNumber", part);
            }
            PresignedRequest request = storage.presignedPartPut(upload.bucket(), upload.key(), upload.uploadId(),
                    part, expiry);
            urls.add(new PartUrl(part, request.method(), request.url().toString(), request.headers(),
                    request.expiresAt()));
        }
        return urls;
    }

    List<Integer> firstParts(Upload upload) {
        return IntStream.rangeClosed(1, Math.min(upload.partCount(), PRESIGN_BATCH)).boxed().toList();
    }

    Upload forCaller(CurrentUser user, UUID id) {
        Upload upload = jdbc.query("select * from master_uploads where id = ?", (rs, i) -> map(rs), id).stream()
                .findFirst().orElseThrow(() -> new UploadNotFound(id));
        if (!user.isAdmin() && !upload.creatorId().equals(user.userId())) {
            throw new UploadNotFound(id);
        }
        return upload;
    }

    Upload openForCaller(CurrentUser user, UUID id) {
        Upload upload = forCaller(user, id);
        if (!"OPEN".equals(upload.status())) {
            throw new UploadNotOpen(id, upload.status());
        }
        return upload;
    }

    /** Joins the parts and queues the job; the upload row is locked so two completions cannot both run. */
    @Transactional
    TranscodeJob complete(CurrentUser user, UUID id, List<UploadedPart> parts) {
        openForCaller(user, id);
        Upload upload = jdbc.query("select * from master_uploads where id = ? and status = 'OPEN' for update",
                (rs, i) -> map(rs), id).stream().findFirst()
                .orElseThrow(() -> new UploadNotOpen(id));
        if (parts.size() != upload.partCount()) {
            throw new UploadIncomplete(upload.partCount(), parts.size());
        }
        List<UploadedPart> sorted = parts.stream().sorted(java.util.Comparator.comparingInt(UploadedPart::partNumber))
                .toList();
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i).partNumber() != i + 1) {
                throw new UploadIncomplete(upload.partCount());
            }
        }
        jobs.requireIdle(upload.filmId());
        storage.completeMultipartUpload(upload.bucket(), upload.key(), upload.uploadId(), sorted);
        TranscodeJob job = jobs.create(upload.filmId(), upload.creatorId(), upload.bucket(), upload.key(),
                upload.renditions());
        jdbc.update("update master_uploads set status = 'COMPLETED', job_id = ?, completed_at = ? where id = ?",
                job.id(), ts(clock.instant()), id);
        return job;
    }

    @Transactional
    void abort(CurrentUser user, UUID id) {
        Upload upload = openForCaller(user, id);
        storage.abortMultipartUpload(upload.bucket(), upload.key(), upload.uploadId());
        jdbc.update("update master_uploads set status = 'ABORTED', completed_at = ? where id = ? and status = 'OPEN'",
                ts(clock.instant()), id);
    }

    Upload find(UUID id) {
        return jdbc.queryForObject("select * from master_uploads where id = ?", (rs, i) -> map(rs), id);
    }

    private static Upload map(java.sql.ResultSet rs) throws java.sql.SQLException {
        String rungs = rs.getString("requested_rungs");
        return new Upload(rs.getObject("id", UUID.class), rs.getObject("film_id", UUID.class),
                rs.getObject("creator_id", UUID.class), rs.getString("bucket"), rs.getString("object_key"),
                rs.getString("upload_id"), rs.getString("file_name"), rs.getString("content_type"),
                rs.getLong("size_bytes"), rs.getLong("part_size"), rs.getInt("part_count"),
                rungs.isBlank() ? List.of() : Arrays.asList(rungs.split(",")), rs.getString("status"),
                rs.getObject("job_id", UUID.class), instant(rs, "expires_at"));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
