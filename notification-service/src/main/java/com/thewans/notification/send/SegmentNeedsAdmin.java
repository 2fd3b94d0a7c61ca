package com.thewans.notification.send;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Services may notify one user; only admins announce to a segment. */
public class SegmentNeedsAdmin extends WansException {

    public SegmentNeedsAdmin() {
        super(HttpStatus.FORBIDDEN, "segment-needs-admin", "Only admins send to a segment of users");
    }
}
