package com.thewans.royalty.agreement;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/royalty/agreements")
@Tag(name = "Agreements", description = "Who shares in a film's revenue and how: versions by month, shares in "
        + "basis points per revenue kind, and a recoupment waterfall (admins).")
class AgreementController {

    private final Agreements agreements;

    AgreementController(Agreements agreements) {
        this.agreements = agreements;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add a version of a film's agreement (audited)")
    @ApiResponse(responseCode = "404", description = "catalog-service has no such film (`film-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "It overlaps another version (`agreement-overlap`) or starts "
            + "in a closed period (`period-closed`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "422", description = "Shares do not add up to 10000 (`shares-not-whole`) or a step "
            + "cannot be applied (`invalid-agreement-terms`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ResponseEntity<AgreementView> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = """
                    {"filmId": "6f1c2a4e-8d3b-4b8a-9d57-1f0e2c3b4a59", "effectiveFrom": "2026-12",
                     "shares": [{"role": "PRODUCER", "bps": 7000},
                                {"role": "DISTRIBUTOR", "partyId": "2b7c9a10-1d2e-4f3a-8b5c-6d7e8f901234", "bps": 3000}],
                     "sharesByKind": {"SVOD": [{"role": "PRODUCER", "bps": 10000}]},
                     "waterfall": [{"step": "FEE", "role": "PLATFORM", "bps": 3000},
                                   {"step": "RECOUP", "role": "DISTRIBUTOR",
                                    "partyId": "2b7c9a10-1d2e-4f3a-8b5c-6d7e8f901234", "amount": 500000, "currency": "PGK"}]}""")))
            @Valid @RequestBody AgreementRequest request, @AuthenticationPrincipal CurrentUser admin) {
        AgreementView created = agreements.create(request, admin);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header(HttpHeaders.LOCATION, "/api/royalty/agreements/film/" + created.filmId()).body(created);
    }

    @GetMapping("/film/{filmId}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Every version of a film's agreement, earliest first")
    List<AgreementView> ofFilm(@PathVariable UUID filmId) {
        return agreements.ofFilm(filmId);
    }
}
