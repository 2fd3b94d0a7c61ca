package com.thewans.playback.delivery;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** 404: a DRM system this platform has no licence server for (only ClearKey for now). */
class LicenceSystemUnsupported extends WansException {

    LicenceSystemUnsupported(String system, List<String> supported) {
        super(HttpStatus.NOT_FOUND, "licence-system-unsupported", "There is no licence server for '"
                + (system.length() > 20 ? system.substring(0, 20) : system) + "' here");
        with("supported", supported);
    }
}
