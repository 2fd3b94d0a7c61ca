package com.thewans.advertising.campaign;

import java.time.Instant;
import java.util.UUID;

/** A creative as admins read it: its state, and what ffprobe found once confirmed. */
record CreativeView(UUID id, UUID campaignId, String title, UniversalAdId universalAdId, String clickThroughUrl,
        Integer skipOffsetSeconds, String status, String rejection, Long sizeBytes, Integer durationMs, Integer width,
        Integer height, Integer bitrateKbps, String videoCodec, String container, Instant createdAt,
        Instant confirmedAt) {

    record UniversalAdId(String idRegistry, String value) {
    }

    static CreativeView of(Creative c) {
        return new CreativeView(c.id(), c.campaignId(), c.title(),
                new UniversalAdId(c.universalAdRegistry(), c.universalAdId()), c.clickThroughUrl(),
                c.skipOffsetSeconds(), c.status(), c.rejection(), c.sizeBytes(), c.durationMs(), c.width(), c.height(),
                c.bitrateKbps(), c.videoCodec(), c.container(), c.createdAt(), c.confirmedAt());
    }
}
