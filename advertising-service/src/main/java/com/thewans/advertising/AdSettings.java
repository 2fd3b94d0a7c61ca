package com.thewans.advertising;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * advertising-service's own settings ({@code wans.ads.*} in application.yml, from environment variables
 * of the same meaning, ADS_*).
 *
 * @param publicBaseUrl   the gateway as players reach it (ADS_PUBLIC_BASE_URL)
 * @param beaconSecret    base64 HMAC key of beacon and ad break URLs, 32 bytes or more (ADS_BEACON_SECRET)
 * @param beaconTtl       how long a served ad's beacons count (ADS_BEACON_TTL)
 * @param flushInterval   how often Redis counts go to PostgreSQL (ADS_FLUSH_INTERVAL)
 * @param campaignRefresh how often campaigns and spend are re-read into memory (ADS_CAMPAIGN_REFRESH)
 * @param midRollEvery    mid-roll spacing for films without cue points (ADS_MID_ROLL_EVERY)
 * @param podSize         ads at most in one break (ADS_POD_SIZE)
 * @param pacingLead      how far ahead of an even spread a daily budget may be spent (ADS_PACING_LEAD)
 * @param billingDelay    how long after an hour ends it is billed (ADS_BILLING_DELAY)
 * @param billingInterval how often the billing job looks for hours to bill (ADS_BILLING_INTERVAL)
 * @param mediaUrlTtl     lifetime of a creative's presigned media URL (ADS_MEDIA_URL_TTL)
 */
@ConfigurationProperties("wans.ads")
public record AdSettings(String publicBaseUrl, String beaconSecret, Duration beaconTtl, Duration flushInterval,
        Duration campaignRefresh, Duration midRollEvery, int podSize, Duration pacingLead, Duration billingDelay,
        Duration billingInterval, Duration mediaUrlTtl, String ffmpegPath, String ffprobePath, Path ffmpegCache) {

    public AdSettings {
        publicBaseUrl = publicBaseUrl == null ? "http://localhost:8080" : publicBaseUrl.replaceAll("/+$", "");
        beaconTtl = positive("beacon-ttl", beaconTtl, Duration.ofHours(6));
        flushInterval = positive("flush-interval", flushInterval, Duration.ofSeconds(10));
        campaignRefresh = positive("campaign-refresh", campaignRefresh, Duration.ofSeconds(5));
        midRollEvery = positive("mid-roll-every", midRollEvery, Duration.ofMinutes(15));
        podSize = podSize <= 0 ? 2 : podSize;
        pacingLead = positive("pacing-lead", pacingLead, Duration.ofMinutes(30));
        billingDelay = positive("billing-delay", billingDelay, Duration.ofMinutes(2));
        billingInterval = positive("billing-interval", billingInterval, Duration.ofMinutes(1));
        mediaUrlTtl = positive("media-url-ttl", mediaUrlTtl, Duration.ofHours(12));
        ffmpegCache = ffmpegCache == null ? Path.of(System.getProperty("java.io.tmpdir"), "wans-ffmpeg") : ffmpegCache;
        if (beaconSecret == null || Base64.getDecoder().decode(beaconSecret).length < 32) {
            throw new IllegalArgumentException(
                    "wans.ads.beacon-secret (ADS_BEACON_SECRET) must be base64 of at least 32 bytes");
        }
        if (billingDelay.compareTo(flushInterval) <= 0) {
            // an hour is billed only once everything counted in it has been flushed
            throw new IllegalArgumentException("wans.ads.billing-delay must outlast wans.ads.flush-interval");
        }
    }

    public byte[] beaconKey() {
        return Base64.getDecoder().decode(beaconSecret);
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        Duration d = value == null ? fallback : value;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("wans.ads." + name + " must be positive: " + d);
        }
        return d;
    }
}
