package com.thewans.notification.reaction;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.thewans.common.events.EventHandler;
import com.thewans.notification.NotificationSettings;
import com.thewans.notification.film.Films;
import com.thewans.notification.kind.NotificationType;
import com.thewans.notification.notification.Notice;
import com.thewans.notification.notification.Notifier;

/**
 * A rental granted tells the viewer its terms; a transcode that completed or failed tells the film's
 * creator, which is where the upload story ends for them.
 */
@Configuration(proxyBeanMethods = false)
class RightsAndMediaEvents {

    record EntitlementGranted(UUID entitlementId, UUID userId, String kind, UUID filmId, Instant startBy,
            Instant validUntil) {

        EntitlementGranted {
            if (userId == null || kind == null) {
                throw new IllegalArgumentException("entitlement.granted needs userId and kind");
            }
        }
    }

    record TranscodeEnded(UUID jobId, UUID filmId, UUID creatorId, String reason) {

        TranscodeEnded {
            if (jobId == null || filmId == null || creatorId == null) {
                throw new IllegalArgumentException("a transcode event needs jobId, filmId and creatorId");
            }
        }
    }

    @Bean
    EventHandler entitlementGrantedHandler(Notifier notifier, Films films) {
        return EventHandler.of("entitlement.granted", EntitlementGranted.class, (granted, event) -> {
            if (!"RENTAL".equals(granted.kind())) {
                return; // purchases and subscriptions are told by their receipt
            }
            Instant startBy = granted.startBy() != null ? granted.startBy() : granted.validUntil();
            notifier.notify(Notice.of(granted.userId(), NotificationType.RENTAL_GRANTED, "event:" + event.id(),
                    Map.of("title", films.title(granted.filmId()).orElse("your film"),
                            "startBy", Wording.date(startBy))));
        });
    }

    @Bean
    EventHandler transcodeCompletedHandler(Notifier notifier, Films films, NotificationSettings settings) {
        String portal = settings.appUrl().replaceAll("/+$", "") + "/creator/films/";
        return EventHandler.of("transcode.completed", TranscodeEnded.class, (job, event) ->
                notifier.notify(Notice.of(job.creatorId(), NotificationType.FILM_READY, "event:" + event.id(),
                        Map.of("title", films.title(job.filmId()).orElse("Your film"),
                                "filmUrl", portal + job.filmId()))));
    }

    @Bean
    EventHandler transcodeFailedHandler(Notifier notifier, Films films) {
        return EventHandler.of("transcode.failed", TranscodeEnded.class, (job, event) ->
                notifier.notify(Notice.of(job.creatorId(), NotificationType.FILM_FAILED, "event:" + event.id(),
                        Map.of("title", films.title(job.filmId()).orElse("Your film"),
                                "reason", job.reason() == null ? "the transcoder gave no reason" : job.reason()))));
    }
}
