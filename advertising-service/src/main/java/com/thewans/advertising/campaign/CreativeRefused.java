package com.thewans.advertising.campaign;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/**
 * An uploaded creative that cannot run as a linear video ad: {@code creative-not-video} (not a video
 * FFmpeg reads, or a file type that is not video), {@code creative-duration-out-of-range} (not 6-60 s),
 * {@code creative-resolution-too-low}, {@code creative-format-unsupported} (not an H.264 MP4, which
 * every player can play progressively). 422: the request was well-formed, the file is not acceptable.
 */
class CreativeRefused extends WansException {

    private CreativeRefused(String code, UUID creativeId, String detail) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, code, detail);
        if (creativeId != null) {
            with("creativeId", creativeId);
        }
    }

    static CreativeRefused notVideo(UUID creativeId, String why) {
        return new CreativeRefused("creative-not-video", creativeId, "The creative is not a video: " + why);
    }

    static CreativeRefused duration(UUID creativeId, double seconds) {
        return new CreativeRefused("creative-duration-out-of-range", creativeId, String.format(java.util.Locale.ROOT,
                "The creative runs %.1f s; a video ad runs %d to %d s", seconds, CreativeUploads.MIN_SECONDS,
                CreativeUploads.MAX_SECONDS)).with("durationSeconds", seconds);
    }

    static CreativeRefused resolution(UUID creativeId, int width, int height) {
        return new CreativeRefused("creative-resolution-too-low", creativeId, "The creative is " + width + "x" + height
                + "; a video ad is at least " + CreativeUploads.MIN_WIDTH + "x" + CreativeUploads.MIN_HEIGHT);
    }

    static CreativeRefused format(UUID creativeId, String container, String codec) {
        return new CreativeRefused("creative-format-unsupported", creativeId, "The creative is " + codec + " in "
                + container + "; upload an H.264 MP4, which every player plays progressively");
    }
}
