package com.thewans.advertising.campaign;

import java.time.Instant;
import java.util.UUID;

/**
 * One video ad of a campaign: uploaded by presigned PUT to the assets bucket, then checked with
 * ffprobe on confirm (READY) or refused (REJECTED, with the reason). The Universal Ad Id stays with
 * the creative for its life, so every report and every VAST names the same ad.
 */
public record Creative(UUID id, UUID campaignId, String title, String universalAdRegistry, String universalAdId,
        String clickThroughUrl, Integer skipOffsetSeconds, String objectKey, String status, String rejection,
        String contentType, Long sizeBytes, Integer durationMs, Integer width, Integer height, Integer bitrateKbps,
        String videoCodec, String container, Instant createdAt, Instant confirmedAt) {

    /** What ffprobe found in an uploaded creative (and its size in the store). */
    public record Probed(long sizeBytes, int durationMs, int width, int height, int bitrateKbps, String videoCodec,
            String container) {
    }

    public boolean ready() {
        return "READY".equals(status);
    }
}
