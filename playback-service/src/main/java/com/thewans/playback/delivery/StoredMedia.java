package com.thewans.playback.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.thewans.common.storage.ObjectStorage;

/**
 * Playlists and manifests as transcoding stored them. Each job attempt writes its own folder and
 * never changes it afterwards, so what was read once is kept (a bounded, least recently used set)
 * instead of reading storage on every player request.
 */
@Component
class StoredMedia {

    static final int KEPT = 512;

    private final ObjectStorage storage;
    private final Map<String, String> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    };

    StoredMedia(ObjectStorage storage) {
        this.storage = storage;
    }

    String text(String bucket, String key) {
        String id = bucket + "/" + key;
        synchronized (kept) {
            String text = kept.get(id);
            if (text != null) {
                return text;
            }
        }
        String text;
        try (InputStream in = storage.open(bucket, key).orElseThrow(() -> new MediaMissing(key))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (kept) {
            kept.put(id, text);
        }
        return text;
    }
}
