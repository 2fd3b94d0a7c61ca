package com.thewans.transcoding;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * transcoding-service's own settings ({@code wans.transcode.*} in application.yml, from environment
 * variables of the same meaning).
 *
 * @param mode                api (accepts jobs), worker (runs FFmpeg), or both (one process, the local default)
 * @param workerConcurrency   jobs one worker process runs at the same time
 * @param visibilityTimeout   how long a job's lease lasts without a heartbeat before another worker may take it
 * @param maxAttempts         starts of a job (first run plus reclaims) before it fails for good
 * @param preset              x264 preset (veryfast in production: the 2-core budget)
 * @param workDir             where masters and outputs are kept while a job runs (removed afterwards)
 * @param keyMaster           base64 of the 32-byte AES key that wraps every content key
 * @param playbackKeyBaseUrl  what players prefix to /api/playback/key/{filmId} (the gateway)
 * @param webhookSecrets      external workers and their HMAC secrets, "worker-a=secret,worker-b=secret"
 * @param webhookTolerance    how far a webhook's timestamp may be from now
 */
@ConfigurationProperties("wans.transcode")
public record TranscodeSettings(String mode, String workerId, int workerConcurrency, Duration visibilityTimeout,
        int maxAttempts, String preset, Path workDir, String ffmpegPath, String ffprobePath, Path ffmpegCache,
        boolean nice, String keyMaster, String playbackKeyBaseUrl, String webhookSecrets, Duration webhookTolerance,
        Duration uploadExpiry) {

    public boolean runsApi() {
        return !"worker".equals(mode);
    }

    public boolean runsWorkers() {
        return !"api".equals(mode);
    }

    public TranscodeSettings {
        if (!"api".equals(mode) && !"worker".equals(mode) && !"both".equals(mode)) {
            throw new IllegalArgumentException("wans.transcode.mode (WANS_MODE) must be api, worker or both: " + mode);
        }
        if (workerConcurrency < 1 || workerConcurrency > 16) {
            throw new IllegalArgumentException("wans.transcode.worker-concurrency must be 1..16: " + workerConcurrency);
        }
        if (!preset.matches("ultrafast|superfast|veryfast|faster|fast|medium|slow|slower|veryslow")) {
            throw new IllegalArgumentException("wans.transcode.preset is not an x264 preset: " + preset);
        }
    }

    /** The external workers allowed to call the webhook, with their secrets. */
    public Map<String, String> webhookSecretsByWorker() {
        Map<String, String> secrets = new LinkedHashMap<>();
        if (webhookSecrets == null || webhookSecrets.isBlank()) {
            return secrets;
        }
        for (String pair : webhookSecrets.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && eq < pair.length() - 1) {
                secrets.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return secrets;
    }
}
