package com.thewans.playback.session;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** 409: every stream the plan allows is playing; the viewer may stop one of these devices. */
class TooManyStreams extends WansException {

    TooManyStreams(int maxStreams, List<ActiveStream> playing) {
        super(HttpStatus.CONFLICT, "too-many-streams", "Your plan allows " + maxStreams + " stream"
                + (maxStreams == 1 ? "" : "s") + " at once; stop playback on one of your other devices first");
        with("maxStreams", maxStreams);
        with("streams", playing);
    }
}
