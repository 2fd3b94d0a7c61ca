package com.thewans.transcoding.upload;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** No such master upload, or one the caller may not see (the two are not told apart). */
class UploadNotFound extends WansException {

    UploadNotFound(UUID uploadId) {
        super(HttpStatus.NOT_FOUND, "upload-not-found", "There is no master upload " + uploadId);
        with("uploadId", uploadId);
    }
}
