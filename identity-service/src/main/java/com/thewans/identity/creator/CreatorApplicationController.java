package com.thewans.identity.creator;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.PageRequest;
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

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.PageOf;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/auth/creator-applications")
@Tag(name = "Creator applications", description = "Viewers apply to become creators; admins approve (the CREATOR "
        + "role is granted) or reject")
class CreatorApplicationController {

    /** A short pitch: who you are and what you want to show; optionally where your work is. */
    record Application(@NotBlank @Size(min = 20, max = 1000) String pitch,
            @Size(max = 500) @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) address")
            String portfolioUrl) {
    }

    record Decision(@Size(max = 500) String note) {
    }

    record ApplicationView(UUID id, UUID userId, String pitch, String portfolioUrl, ApplicationStatus status,
            Instant submittedAt, Instant decidedAt, String decisionNote) {
    }

    private final CreatorApplications applications;

    CreatorApplicationController(CreatorApplications applications) {
        this.applications = applications;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Apply to become a creator")
    @ApiResponse(responseCode = "404", description = "The token names no account (`account-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "A creator already (`already-creator`), or an application is "
            + "waiting already (`application-pending`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ApplicationView apply(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody Application application) {
        return applications.submit(user.userId(), application.pitch(), application.portfolioUrl()).view();
    }

    @GetMapping("/mine")
    @Operation(summary = "The caller's applications, newest first")
    List<ApplicationView> mine(@AuthenticationPrincipal CurrentUser user) {
        return applications.of(user.userId()).stream().map(CreatorApplication::view).toList();
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Applications of a status, oldest first (admins)")
    PageOf<ApplicationView> list(@RequestParam(defaultValue = "PENDING") ApplicationStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageOf.of(applications.withStatus(status, PageRequest.of(page, size)), CreatorApplication::view);
    }

    @PostMapping("/{applicationId}/approve")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Approve an application: the applicant becomes a CREATOR (admins)")
    @ApiResponse(responseCode = "404", description = "No application with that id (`application-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The application was decided already (`application-decided`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ApplicationView approve(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID applicationId,
            @Valid @RequestBody(required = false) Decision decision) {
        return applications.approve(applicationId, admin.userId(), decision == null ? null : decision.note()).view();
    }

    @PostMapping("/{applicationId}/reject")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Reject an application, with a note for the applicant (admins)")
    @ApiResponse(responseCode = "404", description = "No application with that id (`application-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The application was decided already (`application-decided`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    ApplicationView reject(@AuthenticationPrincipal CurrentUser admin, @PathVariable UUID applicationId,
            @Valid @RequestBody(required = false) Decision decision) {
        return applications.reject(applicationId, admin.userId(), decision == null ? null : decision.note()).view();
    }
}
