package com.thewans.transcoding.upload;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** The upload was completed or aborted: nothing more can be added to it. */
class UploadNotOpen extends WansException {

    UploadNotOpen(UUID uploadId, String uploadStatus) {
        super(HttpStatus.CONFLICT, "upload-not-open", "This upload is " + uploadStatus);
        with("uploadId", uploadId);
    }

    /** Another request completed or aborted it between our check and our lock. */
    UploadNotOpen(UUID uploadId) {
        super(HttpStatus.CONFLICT, "upload-not-open", "This upload was completed or aborted meanwhile");
        with("uploadId", uploadId);
    }
}
