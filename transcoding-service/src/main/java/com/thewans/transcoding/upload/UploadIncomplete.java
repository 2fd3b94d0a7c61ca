package com.thewans.transcoding.upload;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Completing an upload needs every part 1..partCount exactly once. */
class UploadIncomplete extends WansException {

    UploadIncomplete(int partCount, int listed) {
        super(HttpStatus.BAD_REQUEST, "upload-incomplete", "This upload has " + partCount + " parts; " + listed
                + " were listed");
        with("partCount", partCount);
    }

    /** The right number of parts, but some number missing or twice. */
    UploadIncomplete(int partCount) {
        super(HttpStatus.BAD_REQUEST, "upload-incomplete", "Parts must be numbered 1 to " + partCount + ", each once");
        with("partCount", partCount);
    }
}
