package com.thewans.playback.session;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Jellyfin-style check-ins: start, heartbeat (progress), stop; and fresh tokens for a session that plays on. */
@RestController
@RequestMapping("/api/playback")
@Tag(name = "Playback sessions", description = "Start watching a film (rights, transcode, stream limit), renew the"
        + " session with heartbeats, stop it, and get a fresh playback token")
class PlaybackController {

    private static final int MAX_DEVICE_DESCRIPTION = 200;

    private final PlaybackSessions sessions;
    private final ViewerTerritory territories;

    PlaybackController(PlaybackSessions sessions, ViewerTerritory territories) {
        this.sessions = sessions;
        this.territories = territories;
    }

    @PostMapping("/start")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start watching a film: a session, a playback token, the manifests and where to resume")
    @ApiResponse(responseCode = "403", description = "Nothing the viewer holds allows it (`not-entitled`, with"
            + " `reasons` and the `offers` that would)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "451", description = "Not offered in the viewer's territory"
            + " (`not-available-in-territory`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "Every stream of the plan is playing (`too-many-streams`, naming"
            + " the devices), or the film is not transcoded yet (`not-yet-transcoded`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "503", description = "rights-service or payment-service did not answer"
            + " (`dependency-unavailable`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    PlaybackStart start(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = """
                    {"filmId": "6f1c2a4e-8d3b-4b8a-9d57-1f0e2c3b4a59", "deviceId": "living-room-tv"}""")))
            @Valid @RequestBody StartRequest request, @AuthenticationPrincipal CurrentUser viewer,
            HttpServletRequest http) {
        return sessions.start(viewer, request, territories.of(http), device(http));
    }

    @GetMapping("/token/{filmId}")
    @Operation(summary = "A fresh playback token for the caller's live session of this film on this device")
    @ApiResponse(responseCode = "404", description = "No live session of the film on this device"
            + " (`session-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The session's lease lapsed (`session-ended`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    FreshToken token(@PathVariable UUID filmId, @RequestParam(required = false) String deviceId,
            @AuthenticationPrincipal CurrentUser viewer) {
        return sessions.freshToken(viewer, filmId, deviceId);
    }

    @PostMapping("/heartbeat")
    @Operation(summary = "Report position, rendition and buffering; keeps the session's stream slot (every 30 s)")
    @ApiResponse(responseCode = "403", description = "Someone else's session (`session-of-another-viewer`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "404", description = "No such session (`session-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The session was stopped, lapsed with its slot taken, or"
            + " replaced on its device (`session-ended`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    HeartbeatAnswer heartbeat(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = """
                    {"sessionId": "0c7d7a52-3f1e-4b9a-8e21-5d6c7b8a9f10", "positionSeconds": 1260.4,
                     "rendition": "720p", "buffering": false}""")))
            @Valid @RequestBody HeartbeatRequest beat, @AuthenticationPrincipal CurrentUser viewer) {
        return sessions.heartbeat(viewer, beat);
    }

    @PostMapping("/stop")
    @Operation(summary = "Stop: frees the stream slot now and keeps where the viewer stopped")
    @ApiResponse(responseCode = "403", description = "Someone else's session (`session-of-another-viewer`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "404", description = "No such session (`session-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    StopAnswer stop(@Valid @RequestBody StopRequest stop, @AuthenticationPrincipal CurrentUser viewer) {
        return sessions.stop(viewer, stop);
    }

    private static String device(HttpServletRequest http) {
        String agent = http.getHeader(HttpHeaders.USER_AGENT);
        if (agent == null || agent.isBlank()) {
            return "unnamed device";
        }
        String clean = agent.replaceAll("\\p{Cntrl}", "").strip();
        return clean.length() > MAX_DEVICE_DESCRIPTION ? clean.substring(0, MAX_DEVICE_DESCRIPTION) : clean;
    }
}
