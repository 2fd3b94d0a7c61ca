package com.thewans.transcoding.upload;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.storage.UploadedPart;
import com.thewans.transcoding.job.JobView;
import com.thewans.transcoding.web.ApiMode;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Master uploads: initiate (presigned part URLs), more part URLs, complete (queues the job), abort. */
@RestController
@ApiMode
@Tag(name = "Master uploads", description = "Masters go from the browser straight to storage as a multipart upload"
        + " with presigned part URLs; completing the upload queues the transcoding job")
class UploadController {

    static final String RENDITION = "240p|360p|480p|720p|1080p|1440p|2160p";

    record InitiateRequest(@NotNull UUID filmId,
            @NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._ -]*",
                    message = "letters, digits, dot, dash, underscore and space only") String fileName,
            @NotBlank @Size(max = 100) @Pattern(regexp = "video/[A-Za-z0-9.+-]+|application/(octet-stream|mxf)",
                    message = "must be a video/* type, application/mxf or application/octet-stream") String contentType,
            @NotNull @Positive Long sizeBytes,
            @Size(max = 7) List<@NotNull @Pattern(regexp = RENDITION, message = "must be one of " + RENDITION)
                    String> renditions) {
    }

    record UploadView(UUID uploadId, UUID filmId, String key, String status, long sizeBytes, long partSize,
            int partCount, List<String> renditions, Instant expiresAt, UUID jobId, List<MasterUploads.PartUrl> parts) {

        static UploadView of(MasterUploads.Upload u, List<MasterUploads.PartUrl> parts) {
            return new UploadView(u.id(), u.filmId(), u.key(), u.status(), u.sizeBytes(), u.partSize(), u.partCount(),
                    u.renditions(), u.expiresAt(), u.jobId(), parts);
        }
    }

    record PartsRequest(@NotEmpty @Size(max = MasterUploads.PRESIGN_BATCH) List<@NotNull @Min(1) @Max(10_000)
            Integer> partNumbers) {
    }

    record CompletedPart(@NotNull @Min(1) @Max(10_000) Integer partNumber, @NotBlank @Size(max = 200) String etag) {
    }

    record CompleteRequest(@NotEmpty @Size(max = 10_000) List<@NotNull @Valid CompletedPart> parts) {
    }

    private final MasterUploads uploads;

    UploadController(MasterUploads uploads) {
        this.uploads = uploads;
    }

    /** Answers the first 100 part URLs; ask /parts for the rest of a large master. */
    @PostMapping("/api/transcode/uploads")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start uploading a master: answers its parts and the first 100 presigned part URLs")
    @ApiResponse(responseCode = "403", description = "Not a creator or admin (`forbidden`), or not the film's creator "
            + "(`not-film-owner`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "404", description = "catalog-service has no such film (`film-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "413", description = "Larger than 500 GiB (`master-too-large`, `maxBytes`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    UploadView initiate(@AuthenticationPrincipal CurrentUser user,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(value = """
                    {"filmId": "6f1c2a4e-8d3b-4b8a-9d57-1f0e2c3b4a59", "fileName": "feature.mov",
                     "contentType": "video/quicktime", "sizeBytes": 53687091200, "renditions": ["720p", "1080p"]}""")))
            @Valid @RequestBody InitiateRequest request) {
        MasterUploads.Upload upload = uploads.initiate(user, request.filmId(), request.fileName().strip(),
                request.contentType(), request.sizeBytes(),
                request.renditions() == null ? List.of() : request.renditions().stream().distinct().toList());
        return UploadView.of(upload, uploads.presign(upload, uploads.firstParts(upload)));
    }

    @GetMapping("/api/transcode/uploads/{uploadId}")
    @Operation(summary = "Read an upload: its parts, state and, once completed, its job")
    @ApiResponse(responseCode = "404", description = "No such upload, or not the caller's (`upload-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    UploadView get(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID uploadId) {
        return UploadView.of(uploads.forCaller(user, uploadId), List.of());
    }

    @PostMapping("/api/transcode/uploads/{uploadId}/parts")
    @Operation(summary = "Presigned URLs for more parts (up to 100 at a time)")
    @ApiResponse(responseCode = "404", description = "No such upload, or not the caller's (`upload-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The upload was completed or aborted (`upload-not-open`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "410", description = "The upload expired; start a new one (`upload-expired`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    UploadView parts(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID uploadId,
            @Valid @RequestBody PartsRequest request) {
        MasterUploads.Upload upload = uploads.openForCaller(user, uploadId);
        return UploadView.of(upload, uploads.presign(upload, request.partNumbers().stream().distinct().toList()));
    }

    @PostMapping("/api/transcode/uploads/{uploadId}/complete")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Join the uploaded parts into the master and queue its transcoding job")
    @ApiResponse(responseCode = "400", description = "Not every part 1..partCount exactly once (`upload-incomplete`), "
            + "parts storage never received (`storage-request-rejected`), or invalid fields (`validation-failed`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "404", description = "No such upload, or not the caller's (`upload-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The upload was completed or aborted (`upload-not-open`), or the "
            + "film has an active job (`film-already-transcoding`); a busy film leaves the upload intact for later",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    JobView complete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID uploadId,
            @Valid @RequestBody CompleteRequest request) {
        List<UploadedPart> parts = request.parts().stream()
                .map(p -> new UploadedPart(p.partNumber(), p.etag())).toList();
        return JobView.of(uploads.complete(user, uploadId, parts), user.isAdmin());
    }

    @DeleteMapping("/api/transcode/uploads/{uploadId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Abort an open upload; storage drops the parts")
    @ApiResponse(responseCode = "404", description = "No such upload, or not the caller's (`upload-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The upload was completed or aborted already (`upload-not-open`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    void abort(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID uploadId) {
        uploads.abort(user, uploadId);
    }
}
