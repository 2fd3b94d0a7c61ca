package com.thewans.transcoding.job;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** Only creators and admins transcode films; a viewer (or a service) may not. */
public class CreatorsOnly extends WansException {

    public CreatorsOnly() {
        super(HttpStatus.FORBIDDEN, "forbidden", "Only creators and admins transcode films");
    }
}
