package com.thewans.playback.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.thewans.common.client.ServiceClient;
import com.thewans.common.client.ServiceClients;
import com.thewans.common.problem.WansException;
import com.thewans.playback.PlaybackSettings;

/**
 * Content keys from transcoding-service's SERVICE-only endpoint, asked as playback itself and kept
 * in memory briefly (wans.playback.key-cache-ttl): sessions already playing keep getting their key
 * for that long if transcoding goes down. Keys never leave this class but to a verified session.
 */
@Component
class ContentKeys {

    /** Our view of transcoding's key answer (tolerant reader). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record KeyView(String keyHex, String kidHex) {

        @Override
        public String toString() {
            return "KeyView[hidden]";
        }
    }

    private record Cached(ContentKey key, Instant until) {
    }

    private final ServiceClient transcoding;
    private final PlaybackSettings settings;
    private final Clock clock;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    ContentKeys(ServiceClients clients, PlaybackSettings settings, Clock clock) {
        this.transcoding = clients.forServiceAsItself("transcoding");
        this.settings = settings;
        this.clock = clock;
    }

    ContentKey of(UUID filmId) {
        Instant now = clock.instant();
        Cached cached = cache.get(filmId);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.key();
        }
        KeyView view;
        try {
            view = transcoding.get("/api/transcode/internal/keys/{filmId}", KeyView.class, filmId);
        } catch (WansException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw new ContentKeyMissing(filmId);
            }
            throw e;
        }
        if (view == null || view.keyHex() == null || view.kidHex() == null) {
            throw new ContentKeyMissing(filmId);
        }
        ContentKey key = ContentKey.of(filmId, view.keyHex(), view.kidHex());
        cache.put(filmId, new Cached(key, now.plus(settings.keyCacheTtl())));
        return key;
    }
}
