package com.thewans.common.storage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the S3-compatible store is ({@code wans.storage.*}, bound from S3_ENDPOINT and friends in
 * common's service-defaults). {@code publicEndpoint} is the address browsers use: presigned URLs
 * are signed for it, because the signature covers the host and in Kubernetes the services reach
 * storage by an internal name browsers cannot resolve.
 */
@ConfigurationProperties("wans.storage")
public record StorageProperties(
        String endpoint,
        String publicEndpoint,
        String accessKey,
        String secretKey,
        String region,
        Buckets buckets,
        Duration connectTimeout,
        Duration timeout,
        boolean createBuckets) {

    public StorageProperties {
        publicEndpoint = publicEndpoint == null || publicEndpoint.isBlank() ? endpoint : publicEndpoint;
        region = region == null || region.isBlank() ? "us-east-1" : region;
        buckets = buckets == null ? new Buckets(null, null, null) : buckets;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    }

    /** The platform's three buckets: transcoded renditions, creators' masters, posters and trailers. */
    public record Buckets(String media, String masters, String assets) {

        public Buckets {
            media = media == null || media.isBlank() ? "wans-media" : media;
            masters = masters == null || masters.isBlank() ? "wans-masters" : masters;
            assets = assets == null || assets.isBlank() ? "wans-assets" : assets;
        }
    }
}
