package com.thewans.transcoding.upload;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** An upload larger than any master we take (a 4K ProRes feature fits). */
class MasterTooLarge extends WansException {

    MasterTooLarge(long maxBytes) {
        super(HttpStatus.CONTENT_TOO_LARGE, "master-too-large",
                "Masters may be at most " + maxBytes / (1024L * 1024 * 1024) + " GiB");
        with("maxBytes", maxBytes);
    }
}
