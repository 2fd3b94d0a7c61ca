package com.thewans.playback.media;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.thewans.common.events.EventHandler;

/** transcode.completed makes a film playable (its newest media); the completion time is the envelope's. */
@Configuration(proxyBeanMethods = false)
class TranscodeEventHandlers {

    @Bean
    EventHandler transcodeCompletedHandler(MediaLibrary library) {
        return EventHandler.of("transcode.completed", TranscodeCompleted.class,
                (done, event) -> library.completed(done, event.occurredAt()));
    }
}
