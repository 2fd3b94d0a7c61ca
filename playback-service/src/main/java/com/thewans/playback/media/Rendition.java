package com.thewans.playback.media;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One rung of a film's ladder as transcode.completed names it; {@code playlistKey} is its HLS
 * variant playlist in the media bucket. The short side ({@code height} of a landscape film) is what
 * a quality name counts.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Rendition(String name, int width, int height, long bandwidth, String codecs, String playlistKey) {

    public int lines() {
        return Math.min(width, height) > 0 ? Math.min(width, height) : Quality.of(name).lines();
    }
}
