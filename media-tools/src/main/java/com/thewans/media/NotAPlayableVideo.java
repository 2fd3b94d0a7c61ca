package com.thewans.media;

/** The master is not something we can transcode: not a video, no video stream, no duration. */
public class NotAPlayableVideo extends Exception {

    public NotAPlayableVideo(String reason) {
        super(reason);
    }
}
