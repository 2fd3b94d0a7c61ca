package com.thewans.transcoding.keys;

import java.util.Base64;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Hands a film's content key to playback-service, which gives it only to entitled viewers. SERVICE
 * tokens only (see TranscodeEndpoints); the gateway never routes /internal/ paths from outside.
 */
@RestController
@Tag(name = "Content keys", description = "A film's content key, for playback-service only (SERVICE tokens)")
class KeyController {

    record KeyView(UUID filmId, UUID keyId, String keyHex, String keyBase64, String kidHex, String method) {
    }

    private final ContentKeys keys;

    KeyController(ContentKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/api/transcode/internal/keys/{filmId}")
    @Operation(summary = "The film's AES-128 content key and key id (services only; playback hands it to entitled "
            + "viewers)")
    @ApiResponse(responseCode = "404", description = "The film was never transcoded (`content-key-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    KeyView key(@PathVariable UUID filmId) {
        ContentKey key = keys.find(filmId).orElseThrow(() -> new ContentKeyNotFound(filmId));
        return new KeyView(filmId, key.keyId(), key.keyHex(), Base64.getEncoder().encodeToString(key.key()),
                key.kidHex(), "AES-128");
    }
}
