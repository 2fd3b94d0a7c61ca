package com.thewans.transcoding.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.problem.WansException;
import com.thewans.transcoding.TranscodeSettings;
import com.thewans.transcoding.web.ApiMode;

/**
 * External workers (a rented fleet, a decentralised compute network) report progress and results
 * here. No token: the request is signed with the worker's own secret over the timestamp and body,
 * the timestamp must be within the tolerance, a signature is accepted once (Redis SET NX), and a
 * delivery id is applied once (a database row), so retries are safe.
 */
@RestController
@ApiMode
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
    Answer receive(@RequestHeader(name = "X-Wans-Worker", required = false) String workerId,
            @RequestHeader(name = "X-Wans-Timestamp", required = false) String timestamp,
            @RequestHeader(name = "X-Wans-Signature", required = false) String signature,
            @RequestBody(required = false) String body) {
        if (workerId == null || timestamp == null || signature == null || body == null) {
            throw unauthorized("Sign the request: X-Wans-Worker, X-Wans-Timestamp and X-Wans-Signature are required");
        }
        if (body.length() > MAX_BODY) {
            throw new WansException(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
                    "Webhook bodies are at most " + MAX_BODY + " bytes");
        }
        Map<String, String> secrets = settings.webhookSecretsByWorker();
        String secret = secrets.get(workerId);
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw unauthorized("X-Wans-Timestamp must be Unix seconds");
        }
        // an unknown worker and a wrong signature look the same from outside
        if (secret == null || !WebhookSignature.matches(secret, timestamp.trim(), body, signature)) {
            throw unauthorized("The signature does not match");
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (skew.compareTo(settings.webhookTolerance()) > 0) {
            throw unauthorized("The timestamp is more than " + settings.webhookTolerance().toMinutes()
                    + " minutes from now; sign the request again");
        }
        Boolean first = redis.opsForValue().setIfAbsent("transcode.webhook.sig:" + signature.trim(), workerId,
                settings.webhookTolerance().multipliedBy(2));
        if (!Boolean.TRUE.equals(first)) {
            throw new WansException(HttpStatus.CONFLICT, "webhook-replayed",
                    "This signed request was already received; a retry is signed again with a new timestamp");
        }
        return reports.apply(workerId, body);
    }

    private static WansException unauthorized(String detail) {
        return new WansException(HttpStatus.UNAUTHORIZED, "invalid-webhook-signature", detail);
    }
}
