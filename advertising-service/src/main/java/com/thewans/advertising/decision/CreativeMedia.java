package com.thewans.advertising.decision;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.thewans.advertising.AdSettings;
import com.thewans.advertising.campaign.Creative;
import com.thewans.common.storage.ObjectStorage;

/**
 * A creative's playable URL for MediaFile: a presigned GET of its file in the assets bucket, kept per
 * creative and renewed at half its life, so a VAST never costs a presign and never names a URL that
 * dies before the ad could play.
 */
@Component
class CreativeMedia {

    private record Signed(String url, Instant renewAt) {
    }

    private final ObjectStorage storage;
    private final AdSettings settings;
    private final Clock clock;
    private final Map<UUID, Signed> urls = new ConcurrentHashMap<>();

    CreativeMedia(ObjectStorage storage, AdSettings settings, Clock clock) {
        this.storage = storage;
        this.settings = settings;
        this.clock = clock;
    }

    String url(Creative creative) {
        Instant now = clock.instant();
        Signed signed = urls.get(creative.id());
        if (signed == null || !now.isBefore(signed.renewAt())) {
            String url = storage.presignedGet(storage.buckets().assets(), creative.objectKey(), settings.mediaUrlTtl())
                    .url().toString();
            signed = new Signed(url, now.plus(settings.mediaUrlTtl().dividedBy(2)));
            urls.put(creative.id(), signed);
        }
        return signed.url();
    }
}
