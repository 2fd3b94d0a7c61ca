package com.thewans.playback;

import java.time.Duration;
import java.util.Base64;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * playback-service's own settings ({@code wans.playback.*} in application.yml, from environment
 * variables of the same meaning).
 *
 * @param publicBaseUrl     the gateway as players reach it (PLAYBACK_PUBLIC_BASE_URL)
 * @param tokenSecret       base64 HMAC key of playback tokens, 32 bytes or more (PLAYBACK_TOKEN_SECRET)
 * @param tokenTtl          how long one playback token opens keys and playlists (PLAYBACK_TOKEN_TTL)
 * @param heartbeatInterval how often players report (PLAYBACK_HEARTBEAT_INTERVAL)
 * @param lease             how long a stream holds its slot without a heartbeat (PLAYBACK_LEASE)
 * @param flushInterval     how often buffered heartbeats are written to the database (PLAYBACK_FLUSH_INTERVAL)
 * @param keyCacheTtl       how long a content key fetched from transcoding is kept in memory
 * @param segmentUrlTtl     how long the presigned segment URLs of a served playlist live
 * @param defaultMaxStreams streams at once for a viewer without a live subscription
 * @param defaultMaxQuality best rendition for a viewer not watching under a subscription
 */
@ConfigurationProperties("wans.playback")
public record PlaybackSettings(String publicBaseUrl, String tokenSecret, Duration tokenTtl, Duration heartbeatInterval,
        Duration lease, Duration flushInterval, Duration keyCacheTtl, Duration segmentUrlTtl, int defaultMaxStreams,
        String defaultMaxQuality) {

    public PlaybackSettings {
        publicBaseUrl = publicBaseUrl == null ? "http://localhost:8080" : publicBaseUrl.replaceAll("/+$", "");
        tokenTtl = positive("token-ttl", tokenTtl, Duration.ofMinutes(10));
        heartbeatInterval = positive("heartbeat-interval", heartbeatInterval, Duration.ofSeconds(30));
        lease = positive("lease", lease, heartbeatInterval.multipliedBy(3).plusSeconds(5));
        flushInterval = positive("flush-interval", flushInterval, Duration.ofSeconds(10));
        keyCacheTtl = positive("key-cache-ttl", keyCacheTtl, Duration.ofMinutes(5));
        segmentUrlTtl = positive("segment-url-ttl", segmentUrlTtl, Duration.ofHours(6));
        defaultMaxStreams = defaultMaxStreams <= 0 ? 2 : defaultMaxStreams;
        defaultMaxQuality = defaultMaxQuality == null ? "1080p" : defaultMaxQuality;
        if (lease.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("wans.playback.lease (PLAYBACK_LEASE) must outlast a heartbeat interval");
        }
        if (tokenSecret == null || Base64.getDecoder().decode(tokenSecret).length < 32) {
            throw new IllegalArgumentException(
                    "wans.playback.token-secret (PLAYBACK_TOKEN_SECRET) must be base64 of at least 32 bytes");
        }
    }

    public byte[] tokenKey() {
        return Base64.getDecoder().decode(tokenSecret);
    }

    private static Duration positive(String name, Duration value, Duration fallback) {
        Duration d = value == null ? fallback : value;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("wans.playback." + name + " must be positive: " + d);
        }
        return d;
    }
}
