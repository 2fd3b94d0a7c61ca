package com.thewans.playback.delivery;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** 404: a playlist or manifest the last transcode announced is not in storage (removed, or a new transcode moved it). */
class MediaMissing extends WansException {

    MediaMissing(String key) {
        super(HttpStatus.NOT_FOUND, "media-not-found", "The film's media is not where its last transcode put it");
        with("object", key.substring(key.lastIndexOf('/') + 1));
    }
}
