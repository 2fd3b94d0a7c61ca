package com.thewans.advertising.campaign;

import java.time.Instant;
import java.util.Map;

/** Where to PUT the creative's file (presigned, straight to storage), and with which headers. */
record CreativeUpload(CreativeView creative, Upload upload) {

    record Upload(String method, String url, Map<String, String> headers, Instant expiresAt) {
    }
}
