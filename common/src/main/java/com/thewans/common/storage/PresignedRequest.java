package com.thewans.common.storage;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A request a client may make directly against storage until {@code expiresAt}: the method, the
 * signed URL and the headers it must send (for uploads, the Content-Type the service expects).
 */
public record PresignedRequest(String method, URI url, Map<String, String> headers, Instant expiresAt) {

    public PresignedRequest {
        headers = Map.copyOf(headers);
    }
}
