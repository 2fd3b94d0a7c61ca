package com.thewans.transcoding.ladder;

import java.util.List;
import java.util.Optional;

/**
 * One rendition of the ladder: its height and H.264 bitrates (kbit/s). Bitrates follow the common
 * streaming ladders for 30 fps content with a 2x buffer, capped at 1.1x average (VBV), so players
 * can rely on BANDWIDTH.
 */
public record Rung(String name, int height, int videoKbps) {

    public static final List<Rung> STANDARD = List.of(
            new Rung("240p", 240, 400),
            new Rung("360p", 360, 800),
            new Rung("480p", 480, 1400),
            new Rung("720p", 720, 2800),
            new Rung("1080p", 1080, 5000),
            new Rung("1440p", 1440, 8000),
            new Rung("2160p", 2160, 14000));

    public static Optional<Rung> named(String name) {
        return STANDARD.stream().filter(r -> r.name.equals(name)).findFirst();
    }

    public int maxrateKbps() {
        return videoKbps * 11 / 10;
    }

    public int bufsizeKbps() {
        return videoKbps * 2;
    }
}
