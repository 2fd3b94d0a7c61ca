package com.thewans.transcoding.packaging;

import java.util.Locale;

import com.thewans.transcoding.ladder.EncodePlan;

/** The WebVTT thumbnail track players use for scrubbing previews: one cue per tile of the sprite sheet. */
public final class ThumbnailTrack {

    private ThumbnailTrack() {
    }

    public static String webVtt(EncodePlan.Thumbnails t, double durationSeconds, String spriteFileName) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n");
        for (int i = 0; i < t.count(); i++) {
            double start = (double) i * t.intervalSeconds();
            if (start >= durationSeconds) {
                break;
            }
            double end = Math.min(start + t.intervalSeconds(), durationSeconds);
            int x = (i % t.columns()) * t.width();
            int y = (i / t.columns()) * t.height();
            vtt.append('\n').append(time(start)).append(" --> ").append(time(end)).append('\n')
                    .append(spriteFileName).append("#xywh=").append(x).append(',').append(y).append(',')
                    .append(t.width()).append(',').append(t.height()).append('\n');
        }
        return vtt.toString();
    }

    static String time(double seconds) {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60,
                millis / 1000 % 60, millis % 1000);
    }
}
