package com.thewans.media;

/** FFmpeg ended with an error; {@code outputTail} is the end of what it printed (for admins only). */
public class FfmpegFailed extends Exception {

    private final String outputTail;

    public FfmpegFailed(String message, String outputTail) {
        super(message);
        this.outputTail = outputTail;
    }

    public String outputTail() {
        return outputTail;
    }
}
