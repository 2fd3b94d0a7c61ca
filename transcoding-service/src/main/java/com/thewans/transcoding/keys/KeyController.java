package com.thewans.transcoding.keys;

import java.util.Base64;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.problem.WansException;

/**
 * Hands a film's content key to playback-service, which gives it only to entitled viewers. SERVICE
 * tokens only (see TranscodeEndpoints); the gateway never routes /internal/ paths from outside.
 */
@RestController
class KeyController {

    record KeyView(UUID filmId, UUID keyId, String keyHex, String keyBase64, String kidHex, String method) {
    }

    private final ContentKeys keys;

    KeyController(ContentKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/api/transcode/internal/keys/{filmId}")
    KeyView key(@PathVariable UUID filmId) {
        ContentKey key = keys.find(filmId).orElseThrow(() -> new WansException(HttpStatus.NOT_FOUND,
                "content-key-not-found", "This film has no content key yet (it was never transcoded)")
                .with("filmId", filmId));
        return new KeyView(filmId, key.keyId(), key.keyHex(), Base64.getEncoder().encodeToString(key.key()),
                key.kidHex(), "AES-128");
    }
}
