package com.thewans.notification.send;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A segment nobody is in: nothing would be sent, which is almost certainly not what the admin meant. */
public class SegmentEmpty extends WansException {

    public SegmentEmpty(String segment) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "segment-empty", "No user is in the segment " + segment);
        with("segment", segment);
    }
}
