package com.thewans.transcoding.upload;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Part URLs are no longer handed out for an upload past its expiry. */
class UploadExpired extends WansException {

    UploadExpired(UUID uploadId) {
        super(HttpStatus.GONE, "upload-expired", "This upload has expired; start a new one");
        with("uploadId", uploadId);
    }
}
