package com.thewans.transcoding.worker;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.thewans.transcoding.TranscodeSettings;
import com.thewans.media.FfmpegBinaries;
import com.thewans.media.MediaProbe;
import com.thewans.transcoding.web.WorkerMode;

/** FFmpeg for the worker: located (or extracted from the bundled build) once at start. */
@Configuration(proxyBeanMethods = false)
@WorkerMode
class MediaTools {

    @Bean
    FfmpegBinaries ffmpegBinaries(TranscodeSettings settings) {
        return FfmpegBinaries.locate(settings.ffmpegPath(), settings.ffprobePath(), settings.ffmpegCache(),
                settings.nice());
    }

    @Bean
    MediaProbe mediaProbe(FfmpegBinaries binaries) {
        return new MediaProbe(binaries);
    }
}
