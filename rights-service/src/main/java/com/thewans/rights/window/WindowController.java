package com.thewans.rights.window;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.EntityTags;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Release windows: admins manage them, a film's creator may look at their film's. */
@RestController
@RequestMapping("/api/windows")
@Tag(name = "Release windows", description = "When, where and on which terms a film is offered (festival, cinema,"
        + " collector, PVOD, PPV, TVOD, SVOD, AVOD): admins create, change and cancel them; a film's creator may"
        + " look at their film's. Changes name the version they were made against (If-Match with the ETag).")
class WindowController {

    private final WindowService windows;

    WindowController(WindowService windows) {
        this.windows = windows;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a release window for a film catalog-service knows (answers its ETag)")
    @ApiResponse(responseCode = "404", description = "catalog-service has no such film (`film-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "An exclusive window would overlap another window of the same "
            + "type and film in time and territory (`window-overlap`, `conflictingWindowIds`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "422", description = "`startsRelativeTo` names a window it cannot follow "
            + "(`invalid-window-anchor`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "503", description = "catalog-service cannot be asked (`dependency-unavailable`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<WindowView> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = """
                    {"filmId": "6f1c2a4e-8d3b-4b8a-9d57-1f0e2c3b4a59", "type": "TVOD", "worldwide": true,
                     "excludedTerritories": ["AU"], "startsAt": "2026-12-01T00:00:00Z",
                     "endsAt": "2027-03-01T00:00:00Z", "exclusive": true,
                     "prices": [{"currency": "PGK", "amount": 990}, {"currency": "USD", "amount": 299}],
                     "rental": {"startWithinDays": 30, "watchWithinHours": 48}}""")))
            @Valid @RequestBody CreateWindowRequest request) {
        WindowView created = windows.create(request);
        return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/api/windows/" + created.id())
                .eTag(EntityTags.of(created.version())).body(created);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Read a release window; its ETag is the version a change must name")
    @ApiResponse(responseCode = "404", description = "No such window (`window-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<WindowView> get(@PathVariable UUID id) {
        WindowView window = windows.get(id);
        return ResponseEntity.ok().eTag(EntityTags.of(window.version())).body(window);
    }

    @GetMapping("/film/{filmId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'CREATOR')")
    @Operation(summary = "List a film's release windows, earliest start first (admins, or the film's creator)")
    @ApiResponse(responseCode = "403", description = "A creator asking for another creator's film (`forbidden`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "404", description = "catalog-service has no such film (`film-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    List<WindowView> ofFilm(@PathVariable UUID filmId, @AuthenticationPrincipal CurrentUser caller) {
        return windows.ofFilm(filmId, caller);
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a scheduled or open window: fields sent replace the current ones (If-Match required)")
    @ApiResponse(responseCode = "404", description = "No such window (`window-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The change would overlap an exclusive window (`window-overlap`),"
            + " the window expired or was cancelled (`window-not-editable`), or another change landed first "
            + "(`stale-update`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "412", description = "If-Match is not the window's current version "
            + "(`version-mismatch`, `currentVersion`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "422", description = "`startsRelativeTo` names a window it cannot follow, or moving "
            + "it would push a following window past its own end (`invalid-window-anchor`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "428", description = "No If-Match (`precondition-required`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<WindowView> update(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = """
                    {"territories": ["PG", "SB", "VU"], "endsAt": "2027-06-01T00:00:00Z",
                     "prices": [{"currency": "PGK", "amount": 790}]}""")))
            @Valid @RequestBody UpdateWindowRequest request) {
        WindowView updated = windows.update(id, EntityTags.ifMatch(ifMatch).required("window"), request);
        return ResponseEntity.ok().eTag(EntityTags.of(updated.version())).body(updated);
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Cancel a scheduled or open window for good, with the reason (audited)")
    @ApiResponse(responseCode = "404", description = "No such window (`window-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The window expired or was cancelled already "
            + "(`window-not-editable`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<WindowView> cancel(@PathVariable UUID id, @Valid @RequestBody CancelWindowRequest request) {
        WindowView cancelled = windows.cancel(id, request.reason().strip());
        return ResponseEntity.ok().eTag(EntityTags.of(cancelled.version())).body(cancelled);
    }
}
