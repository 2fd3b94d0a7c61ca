package com.thewans.transcoding.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.transcoding.TranscodeSettings;
import com.thewans.transcoding.web.ApiMode;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * External workers (a rented fleet, a decentralised compute network) report progress and results
 * here. No token: the request is signed with the worker's own secret over the timestamp and body,
 * the timestamp must be within the tolerance, a signature is accepted once (Redis SET NX), and a
 * delivery id is applied once (a database row), so retries are safe.
 */
@RestController
@ApiMode
@Tag(name = "Worker webhook", description = "External workers report progress, completion and failure of the jobs"
        + " they take, signed with their own secret (no bearer token)")
class WebhookController {

    static final int MAX_BODY = 64 * 1024;

    record Answer(String deliveryId, UUID jobId, boolean applied, boolean duplicate, String status) {
    }

    private final WebhookReports reports;
    private final StringRedisTemplate redis;
    private final TranscodeSettings settings;
    private final Clock clock;

    WebhookController(WebhookReports reports, StringRedisTemplate redis, TranscodeSettings settings, Clock clock) {
        this.reports = reports;
        this.redis = redis;
        this.settings = settings;
        this.clock = clock;
    }

    @PostMapping("/api/transcode/webhook")
    @SecurityRequirements
    @Operation(summary = "Report on a job an external worker runs: PROGRESS, COMPLETED (with outputs) or FAILED;"
            + " applied once per deliveryId")
    @ApiResponse(responseCode = "401", description = "Signature headers missing, unknown worker, wrong HMAC, or "
            + "timestamp too far from now (`invalid-webhook-signature`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "404", description = "No such job (`transcode-job-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "409", description = "The same signed request again (`webhook-replayed`), or a job "
            + "this worker does not run (`transcode-job-state-conflict`, `jobStatus`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    @ApiResponse(responseCode = "413", description = "A body over 64 KiB (`payload-too-large`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    Answer receive(
            @Parameter(description = "The worker's id, as configured with its secret")
            @RequestHeader(name = "X-Wans-Worker", required = false) String workerId,
            @Parameter(description = "Unix seconds when the request was signed")
            @RequestHeader(name = "X-Wans-Timestamp", required = false) String timestamp,
            @Parameter(description = "sha256=<hex HMAC-SHA256 of timestamp + \".\" + body>")
            @RequestHeader(name = "X-Wans-Signature", required = false) String signature,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = WebhookReports.Report.class),
                    examples = @ExampleObject(value = """
                    {"deliveryId": "fleet-1:7781", "jobId": "2d7f5a0c-3e61-4f7b-9a8e-5c4d3b2a1f00",
                     "event": "COMPLETED", "durationSeconds": 5400.0,
                     "outputs": {"hlsMasterKey": "films/{filmId}/jobs/{jobId}/hls/master.m3u8",
                                 "dashManifestKey": "films/{filmId}/jobs/{jobId}/dash/manifest.mpd"}}""")))
            @RequestBody(required = false) String body) {
        if (workerId == null || timestamp == null || signature == null || body == null) {
            throw new InvalidWebhookSignature(
                    "Sign the request: X-Wans-Worker, X-Wans-Timestamp and X-Wans-Signature are required");
        }
        if (body.length() > MAX_BODY) {
            throw new WebhookTooLarge(MAX_BODY);
        }
        Map<String, String> secrets = settings.webhookSecretsByWorker();
        String secret = secrets.get(workerId);
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw new InvalidWebhookSignature("X-Wans-Timestamp must be Unix seconds");
        }
        // an unknown worker and a wrong signature look the same from outside
        if (secret == null || !WebhookSignature.matches(secret, timestamp.trim(), body, signature)) {
            throw new InvalidWebhookSignature("The signature does not match");
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (skew.compareTo(settings.webhookTolerance()) > 0) {
            throw new InvalidWebhookSignature("The timestamp is more than " + settings.webhookTolerance().toMinutes()
                    + " minutes from now; sign the request again");
        }
        Boolean first = redis.opsForValue().setIfAbsent("transcode.webhook.sig:" + signature.trim(), workerId,
                settings.webhookTolerance().multipliedBy(2));
        if (!Boolean.TRUE.equals(first)) {
            throw new WebhookReplayed();
        }
        return reports.apply(workerId, body);
    }
}
