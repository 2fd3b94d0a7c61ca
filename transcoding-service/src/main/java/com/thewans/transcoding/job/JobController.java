package com.thewans.transcoding.job;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.PageOf;
import com.thewans.transcoding.web.ApiMode;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Jobs: start from a stored master, follow, list, cancel, retry. Creators see their own, admins all. */
@RestController
@ApiMode
@Tag(name = "Transcoding jobs", description = "Start a job from a stored master, follow it, list, cancel and retry;"
        + " creators see their own films' jobs, admins all")
class JobController {

    static final String RENDITION = "240p|360p|480p|720p|1080p|1440p|2160p";

    record StartRequest(@NotNull UUID filmId, @NotBlank @Size(max = 1024) String sourceKey,
            @Size(max = 7) List<@NotNull @Pattern(regexp = RENDITION, message = "must be one of " + RENDITION)
                    String> renditions) {
    }

    private final JobService jobs;

    JobController(JobService jobs) {
        this.jobs = jobs;
    }

    @PostMapping("/api/transcode/start")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start transcoding a master already in the masters bucket (queued; follow it by its id)")
    @ApiResponse(responseCode = "403", description = "Not a creator or admin (`forbidden`), not the film's creator "
            + "(`not-film-owner`), or a key outside the film's masters (`master-not-of-film`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "404", description = "catalog-service has no such film (`film-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The film already has a queued or running job "
            + "(`film-already-transcoding`, `activeJobId`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "422", description = "No master at that key; upload it first (`master-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    JobView start(@AuthenticationPrincipal CurrentUser user,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = """
                    {"filmId": "6f1c2a4e-8d3b-4b8a-9d57-1f0e2c3b4a59",
                     "sourceKey":
                       "films/6f1c2a4e-8d3b-4b8a-9d57-1f0e2c3b4a59/masters/0b9e5d1a-77c2-4f0e-8a3b-2c1d0e9f8a7b/feature.mov",
                     "renditions": ["360p", "720p", "1080p"]}""")))
            @Valid @RequestBody StartRequest request) {
        List<String> renditions = request.renditions() == null ? List.of() : request.renditions().stream().distinct()
                .toList();
        return JobView.of(jobs.start(user, request.filmId(), request.sourceKey().strip(), renditions), user.isAdmin());
    }

    @GetMapping("/api/transcode/status/{jobId}")
    @Operation(summary = "Read a job: state, progress, attempts, source and outputs (FFmpeg's log for admins)")
    @ApiResponse(responseCode = "404", description = "No such job, or not one of the caller's films "
            + "(`transcode-job-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    JobView status(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID jobId) {
        return JobView.of(jobs.get(user, jobId), user.isAdmin());
    }

    @GetMapping("/api/transcode/jobs")
    @Operation(summary = "List jobs, newest first, by film and state (creators: their own)")
    PageOf<JobView> list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) UUID filmId,
            @RequestParam(required = false) JobStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return jobs.list(user, filmId, status, page, size);
    }

    @PostMapping("/api/transcode/jobs/{jobId}/cancel")
    @Operation(summary = "Cancel a queued or running job; its worker stops FFmpeg at its next heartbeat")
    @ApiResponse(responseCode = "404", description = "No such job, or not one of the caller's films "
            + "(`transcode-job-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The job already finished (`transcode-job-state-conflict`, "
            + "`jobStatus`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    JobView cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID jobId) {
        return JobView.of(jobs.cancel(user, jobId), user.isAdmin());
    }

    @PostMapping("/api/transcode/jobs/{jobId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Queue a failed or cancelled job again, with a fresh attempt budget")
    @ApiResponse(responseCode = "404", description = "No such job, or not one of the caller's films "
            + "(`transcode-job-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The job is not FAILED or CANCELLED "
            + "(`transcode-job-state-conflict`, `jobStatus`), or another job of the film is active "
            + "(`film-already-transcoding`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    JobView retry(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID jobId) {
        return JobView.of(jobs.retry(user, jobId), user.isAdmin());
    }
}
