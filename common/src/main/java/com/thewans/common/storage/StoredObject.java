package com.thewans.common.storage;

import java.time.Instant;

/** What the store knows about one object. {@code contentType} is what the uploader declared. */
public record StoredObject(String bucket, String key, long size, String contentType, String etag,
        Instant lastModified) {
}
