package com.thewans.advertising.campaign;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

import com.thewans.advertising.AdSettings;
import com.thewans.media.FfmpegBinaries;
import com.thewans.media.MediaInfo;
import com.thewans.media.MediaProbe;
import com.thewans.media.NotAPlayableVideo;

/**
 * ffprobe for creatives, with the platform's FFmpeg (media-tools). Located on first use, not at
 * start: serving ads must never wait for, or fail on, FFmpeg's extraction.
 */
@Component
class CreativeProbe {

    private final AdSettings settings;
    private volatile MediaProbe probe;

    CreativeProbe(AdSettings settings) {
        this.settings = settings;
    }

    MediaInfo probe(Path file) throws NotAPlayableVideo, IOException {
        try {
            return probe().probe(file);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while probing", e);
        }
    }

    private MediaProbe probe() {
        MediaProbe p = probe;
        if (p == null) {
            synchronized (this) {
                if (probe == null) {
                    probe = new MediaProbe(FfmpegBinaries.locate(settings.ffmpegPath(), settings.ffprobePath(),
                            settings.ffmpegCache(), false));
                }
                p = probe;
            }
        }
        return p;
    }
}
