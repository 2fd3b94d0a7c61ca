package com.thewans.advertising.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.audit.AuditLog;
import com.thewans.common.problem.InvalidField;
import com.thewans.common.storage.ObjectStorage;
import com.thewans.common.storage.PresignedRequest;
import com.thewans.common.storage.StoredObject;
import com.thewans.media.MediaInfo;
import com.thewans.media.NotAPlayableVideo;

/**
 * Creatives: a presigned PUT into the assets bucket (no video passes through the service), then a
 * confirm that fetches the file and asks ffprobe what it is. A linear ad must be an H.264 MP4 of
 * 6 to 60 seconds and at least 320x180, which every player plays progressively.
 */
@Service
class CreativeUploads {

    static final int MIN_SECONDS = 6;
    static final int MAX_SECONDS = 60;
    static final int MIN_WIDTH = 320;
    static final int MIN_HEIGHT = 180;
    /** A minute of 1080p H.264 at a generous bitrate; anything larger is not an ad. */
    static final long MAX_BYTES = 200L * 1024 * 1024;
    static final Duration UPLOAD_WINDOW = Duration.ofHours(1);
    static final String REGISTRY = "thewans.com";
    private static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/quicktime", "video/webm",
            "video/x-matroska", "video/mpeg");

    private final Campaigns campaigns;
    private final CampaignService service;
    private final ObjectStorage storage;
    private final CreativeProbe probe;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CreativeUploads(Campaigns campaigns, CampaignService service, ObjectStorage storage, CreativeProbe probe,
            AuditLog audit, PlatformTransactionManager transactionManager, Clock clock) {
        this.campaigns = campaigns;
        this.service = service;
        this.storage = storage;
        this.probe = probe;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    CreativeUpload start(UUID campaignId, CreateCreativeRequest r) {
        Campaign campaign = service.found(campaignId);
        if (campaign.status() == CampaignStatus.ENDED) {
            throw new CampaignNotEditable(campaignId, campaign.status());
        }
        String contentType = r.contentType().toLowerCase(Locale.ROOT).strip();
        if (!VIDEO_TYPES.contains(contentType)) {
            throw CreativeRefused.notVideo(null, "'" + r.contentType() + "' is not a video type ("
                    + String.join(", ", VIDEO_TYPES.stream().sorted().toList()) + ")");
        }
        if (r.skipOffsetSeconds() != null && (r.skipOffsetSeconds() < 0 || r.skipOffsetSeconds() >= MAX_SECONDS)) {
            throw new InvalidField("skipOffsetSeconds", "must be from 0 to " + (MAX_SECONDS - 1) + " seconds");
        }
        UUID id = UUID.randomUUID();
        String registry = r.universalAdId() == null ? REGISTRY : r.universalAdId().idRegistry().strip();
        // our own registry's id is derived from the creative's id, so it never changes and never repeats
        String adId = r.universalAdId() == null ? "WANS-" + id.toString().replace("-", "").substring(0, 16)
                .toUpperCase(Locale.ROOT) : r.universalAdId().value();
        String key = "ads/creatives/" + campaignId + "/" + id;
        Instant now = clock.instant();
        Creative creative = new Creative(id, campaignId, r.title().strip(), registry, adId, r.clickThroughUrl(),
                r.skipOffsetSeconds(), key, "AWAITING_UPLOAD", null, contentType, null, null, null, null, null, null,
                null, now, null);
        transactions.executeWithoutResult(status -> {
            try {
                campaigns.insertCreative(creative);
            } catch (org.springframework.dao.DuplicateKeyException e) {
                throw new InvalidField("universalAdId", "another creative has this Universal Ad Id already");
            }
            audit.record("ad.creative.upload_started", CampaignService.target(campaignId),
                    Map.of("creativeId", id.toString(), "universalAdId", registry + ":" + adId));
        });
        PresignedRequest put = storage.presignedPut(storage.buckets().assets(), key, contentType, UPLOAD_WINDOW);
        return new CreativeUpload(CreativeView.of(creative), new CreativeUpload.Upload(put.method(),
                put.url().toString(), put.headers(), put.expiresAt()));
    }

    /** Checks the uploaded file with ffprobe: READY, or REJECTED with the reason (and the file removed). */
    CreativeView confirm(UUID campaignId, UUID creativeId) {
        Creative creative = campaigns.creative(campaignId, creativeId)
                .orElseThrow(() -> new CreativeNotFound(campaignId, creativeId));
        if (creative.ready()) {
            return CreativeView.of(creative);
        }
        if (!"AWAITING_UPLOAD".equals(creative.status())) {
            throw new CreativeNotUploaded(creativeId, "The creative was refused: " + creative.rejection());
        }
        String bucket = storage.buckets().assets();
        StoredObject stored = storage.stat(bucket, creative.objectKey()).orElseThrow(() -> new CreativeNotUploaded(
                creativeId, "Nothing has been uploaded for this creative yet; PUT the file to its upload URL first"));
        try {
            if (stored.size() > MAX_BYTES) {
                throw CreativeRefused.notVideo(creativeId, "the file is larger than " + MAX_BYTES / 1024 / 1024
                        + " MB");
            }
            Creative.Probed probed = check(creative, bucket, stored);
            transactions.executeWithoutResult(status -> {
                campaigns.creativeReady(creativeId, probed, clock.instant());
                audit.record("ad.creative.confirmed", CampaignService.target(campaignId),
                        Map.of("creativeId", creativeId.toString(), "durationMs", probed.durationMs()));
            });
        } catch (CreativeRefused refused) {
            transactions.executeWithoutResult(status -> {
                campaigns.creativeRejected(creativeId, refused.getMessage(), clock.instant());
                audit.record("ad.creative.rejected", CampaignService.target(campaignId),
                        Map.of("creativeId", creativeId.toString(), "reason", refused.code()));
            });
            storage.delete(bucket, creative.objectKey());
            throw refused;
        }
        return CreativeView.of(campaigns.creative(campaignId, creativeId).orElseThrow());
    }

    private Creative.Probed check(Creative creative, String bucket, StoredObject stored) {
        Path file = null;
        try {
            file = Files.createTempFile("wans-creative-", ".bin");
            try (InputStream in = storage.open(bucket, creative.objectKey()).orElseThrow(() -> new CreativeNotUploaded(
                    creative.id(), "The uploaded file disappeared from storage; upload it again"))) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            MediaInfo info;
            try {
                info = probe.probe(file);
            } catch (NotAPlayableVideo e) {
                throw CreativeRefused.notVideo(creative.id(), e.getMessage());
            }
            if (info.durationSeconds() < MIN_SECONDS || info.durationSeconds() > MAX_SECONDS + 0.5) {
                throw CreativeRefused.duration(creative.id(), info.durationSeconds());
            }
            if (info.width() < MIN_WIDTH || info.height() < MIN_HEIGHT) {
                throw CreativeRefused.resolution(creative.id(), info.width(), info.height());
            }
            if (!info.container().contains("mp4") || !"h264".equals(info.videoCodec())) {
                throw CreativeRefused.format(creative.id(), info.container(), info.videoCodec());
            }
            int durationMs = (int) Math.round(info.durationSeconds() * 1000);
            int kbps = (int) Math.max(1, stored.size() * 8 / Math.max(1, durationMs));
            return new Creative.Probed(stored.size(), durationMs, info.width(), info.height(), kbps, info.videoCodec(),
                    "mp4");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not check creative " + creative.id(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
