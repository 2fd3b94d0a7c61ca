package com.thewans.playback.delivery;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What players fetch with the session's token in the URL (no Authorization header needed, so
 * Safari's native HLS and smart TVs play too): the capped HLS master and its playlists, the DASH
 * manifest and its segments, the AES-128 key and the ClearKey licence. Nothing here is cached by
 * browsers or proxies: every answer is for one session.
 */
@RestController
@Tag(name = "Media delivery", description = "Playlists, manifests, content keys and licences for a live playback"
        + " session, opened by its playback token")
class DeliveryController {

    static final MediaType HLS = MediaType.parseMediaType("application/vnd.apple.mpegurl");
    static final MediaType DASH = MediaType.parseMediaType("application/dash+xml");

    private final MediaDelivery delivery;

    DeliveryController(MediaDelivery delivery) {
        this.delivery = delivery;
    }

    @GetMapping("/api/playback/sessions/{sessionId}/master.m3u8")
    @Operation(summary = "The session's HLS master playlist: only the renditions the viewer's plan allows")
    @ApiResponse(responseCode = "401", description = "Missing, forged or expired token (`playback-token-invalid`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The session has ended (`session-ended`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<String> master(@PathVariable UUID sessionId, @RequestParam(required = false) String token) {
        return answer(HLS, delivery.hlsMaster(sessionId, token));
    }

    @GetMapping("/api/playback/sessions/{sessionId}/hls/{rendition}/index.m3u8")
    @Operation(summary = "One rendition's HLS playlist: key URI with the token, presigned segment URLs")
    @ApiResponse(responseCode = "403", description = "A rendition above the plan (`rendition-not-allowed`), or the"
            + " token of another session (`playback-token-mismatch`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<String> variant(@PathVariable UUID sessionId, @PathVariable String rendition,
            @RequestParam(required = false) String token) {
        return answer(HLS, delivery.hlsVariant(sessionId, rendition, token));
    }

    @GetMapping("/api/playback/sessions/{sessionId}/manifest.mpd")
    @Operation(summary = "The session's CENC DASH manifest: only the representations the viewer's plan allows")
    @ApiResponse(responseCode = "401", description = "Missing, forged or expired token (`playback-token-invalid`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<String> dash(@PathVariable UUID sessionId, @RequestParam(required = false) String token) {
        return answer(DASH, delivery.dashManifest(sessionId, token));
    }

    @GetMapping("/api/playback/sessions/{sessionId}/dash/{token}/{file}")
    @Operation(summary = "A DASH segment of the session: a redirect to its presigned storage URL")
    @ApiResponse(responseCode = "403", description = "A representation above the plan (`rendition-not-allowed`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<Void> dashSegment(@PathVariable UUID sessionId, @PathVariable String token,
            @PathVariable String file) {
        URI location = delivery.dashSegment(sessionId, token, file);
        return ResponseEntity.status(HttpStatus.FOUND).location(location).cacheControl(CacheControl.noStore()).build();
    }

    @GetMapping("/api/playback/key/{filmId}")
    @Operation(summary = "The film's AES-128 key (16 bytes) for a live session of the token's viewer and film")
    @ApiResponse(responseCode = "403", description = "A token for another film (`playback-token-mismatch`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The session was stopped or lapsed (`session-ended`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "503", description = "transcoding-service is down and the key is not cached"
            + " (`dependency-unavailable`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<byte[]> key(@PathVariable UUID filmId, @RequestParam(required = false) String token) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(delivery.key(filmId, token));
    }

    @PostMapping("/api/playback/licence/{system}")
    @Operation(summary = "A DRM licence for a live session (ClearKey: W3C JSON Web Key Set for the asked key ids)")
    @ApiResponse(responseCode = "404", description = "A DRM system without a licence server here"
            + " (`licence-system-unsupported`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<byte[]> licence(@PathVariable String system, @RequestParam(required = false) String token,
            @RequestBody(required = false) byte[] request) {
        MediaDelivery.Licence licence = delivery.licence(system, token, request == null ? new byte[0] : request);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .contentType(MediaType.parseMediaType(licence.contentType())).body(licence.body());
    }

    private static ResponseEntity<String> answer(MediaType type, String body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(type).body(body);
    }
}
