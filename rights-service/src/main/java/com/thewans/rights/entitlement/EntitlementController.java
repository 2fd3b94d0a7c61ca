package com.thewans.rights.entitlement;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.problem.InvalidField;
import com.thewans.common.security.CurrentUser;
import com.thewans.common.security.Role;
import com.thewans.common.web.PageOf;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Who may watch what: checks for viewers and services, the holder's list, rental starts, admin grants. */
@RestController
@RequestMapping("/api/entitlements")
@Tag(name = "Entitlements", description = "Who may watch which film, under what and until when: access checks, a"
        + " viewer's entitlements, the first play of a rental, and admins' festival passes, complimentary grants and"
        + " revocations. Payments grant and refunds revoke through events.")
class EntitlementController {

    private final EntitlementService entitlements;

    EntitlementController(EntitlementService entitlements) {
        this.entitlements = entitlements;
    }

    /** The caller's own access, or (SERVICE and ADMIN callers) another user's with userId=. */
    @GetMapping("/check")
    @Operation(summary = "May this user watch this film in this territory now: under what, until when, or why not")
    @ApiResponse(responseCode = "403", description = "A viewer checking someone else (`forbidden`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    AccessCheck check(@RequestParam(required = false) UUID filmId, @RequestParam(required = false) String territory,
            @RequestParam(required = false) UUID userId, @AuthenticationPrincipal CurrentUser caller) {
        if (filmId == null) {
            throw new InvalidField("filmId", "is required");
        }
        UUID subject = caller.userId();
        if (userId != null && !userId.equals(caller.userId())) {
            if (!caller.has(Role.SERVICE) && !caller.isAdmin()) {
                throw new CheckOfAnotherUser();
            }
            subject = userId;
        }
        return entitlements.check(subject, filmId, territory);
    }

    @GetMapping("/mine")
    @Operation(summary = "List the caller's entitlements, newest first (size 1..100)")
    PageOf<EntitlementView> mine(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal CurrentUser caller) {
        return entitlements.of(caller.userId(), page, size);
    }

    /** Playback marks the first play of a rental. */
    @PostMapping("/internal/{id}/started")
    @PreAuthorize("hasRole('SERVICE')")
    @Operation(summary = "Playback reports a rental's first play: its watch hours start now (later reports change "
            + "nothing)")
    @ApiResponse(responseCode = "404", description = "No such entitlement (`entitlement-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The entitlement was revoked (`entitlement-revoked`), or the "
            + "rental was not started by its start-by time (`rental-expired`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    EntitlementView started(@PathVariable UUID id) {
        return entitlements.started(id);
    }

    @PostMapping("/admin/grants")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Grant festival passes (for FESTIVAL windows) or complimentary access (for films), audited")
    @ApiResponse(responseCode = "404", description = "A festival pass names an unknown window (`window-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    List<EntitlementView> grant(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                @ExampleObject(name = "festival pass", value = """
                    {"userId": "0c7d7a52-3f1e-4b9a-8e21-5d6c7b8a9f10", "kind": "FESTIVAL_PASS",
                     "windowIds": ["2b4e6a8c-1d3f-4a5b-9c7d-8e9f0a1b2c3d"],
                     "validUntil": "2026-12-08T00:00:00Z", "note": "Jury member, Pacific Film Festival"}"""),
                @ExampleObject(name = "complimentary", value = """
                    {"userId": "0c7d7a52-3f1e-4b9a-8e21-5d6c7b8a9f10", "kind": "COMPLIMENTARY",
                     "filmIds": ["6f1c2a4e-8d3b-4b8a-9d57-1f0e2c3b4a59"], "note": "Cast screener"}""")}))
            @Valid @RequestBody AdminGrantRequest request,
            @AuthenticationPrincipal CurrentUser admin) {
        return entitlements.grantByAdmin(request, admin.userId());
    }

    @PostMapping("/admin/{id}/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Revoke an entitlement with the reason (audited, announced)")
    @ApiResponse(responseCode = "404", description = "No such entitlement (`entitlement-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "It was revoked already (`entitlement-revoked`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    EntitlementView revoke(@PathVariable UUID id, @Valid @RequestBody RevokeRequest request) {
        return entitlements.revokeByAdmin(id, request.reason());
    }

    @GetMapping("/admin/users/{userId}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "List a user's entitlements, newest first (size 1..100)")
    PageOf<EntitlementView> ofUser(@PathVariable UUID userId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return entitlements.of(userId, page, size);
    }
}
