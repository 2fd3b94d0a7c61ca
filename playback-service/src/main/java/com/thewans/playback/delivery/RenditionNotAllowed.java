package com.thewans.playback.delivery;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** 403: a playlist above the viewer's plan (or one the master never listed). */
class RenditionNotAllowed extends WansException {

    RenditionNotAllowed(String rendition, Object cap) {
        super(HttpStatus.FORBIDDEN, "rendition-not-allowed", "Rendition " + rendition
                + " is not part of this session (its best is " + cap + ")");
        with("rendition", rendition);
        with("maxQuality", String.valueOf(cap));
    }
}
