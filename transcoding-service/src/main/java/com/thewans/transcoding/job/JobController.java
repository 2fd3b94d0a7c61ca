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
import com.thewans.transcoding.web.ApiMode;

/** Jobs: start from a stored master, follow, list, cancel, retry. Creators see their own, admins all. */
@RestController
@ApiMode
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
    JobView start(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody StartRequest request) {
        List<String> renditions = request.renditions() == null ? List.of() : request.renditions().stream().distinct()
                .toList();
        return JobView.of(jobs.start(user, request.filmId(), request.sourceKey().strip(), renditions), user.isAdmin());
    }

    @GetMapping("/api/transcode/status/{jobId}")
    JobView status(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID jobId) {
        return JobView.of(jobs.get(user, jobId), user.isAdmin());
    }

    @GetMapping("/api/transcode/jobs")
    JobService.Page list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) UUID filmId,
            @RequestParam(required = false) JobStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return jobs.list(user, filmId, status, page, size);
    }

    @PostMapping("/api/transcode/jobs/{jobId}/cancel")
    JobView cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID jobId) {
        return JobView.of(jobs.cancel(user, jobId), user.isAdmin());
    }

    @PostMapping("/api/transcode/jobs/{jobId}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobView retry(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID jobId) {
        return JobView.of(jobs.retry(user, jobId), user.isAdmin());
    }
}
