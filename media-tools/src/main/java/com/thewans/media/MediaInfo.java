package com.thewans.media;

/**
 * What ffprobe found in a master: enough to choose the ladder and to tell a creator what they sent.
 *
 * @param frameRate frames per second of the video (25, 29.97, ...)
 */
public record MediaInfo(double durationSeconds, int width, int height, double frameRate, String videoCodec,
        String audioCodec, String container) {

    public boolean hasAudio() {
        return audioCodec != null;
    }
}
