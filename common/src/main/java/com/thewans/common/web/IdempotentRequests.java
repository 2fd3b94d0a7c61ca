package com.thewans.common.web;

import static com.thewans.common.db.SqlTimes.ts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import com.thewans.common.problem.IdempotencyKeyInUse;
import com.thewans.common.problem.IdempotencyKeyReused;
import com.thewans.common.problem.InvalidField;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} with Stripe's semantics, for requests whose retries must not act twice
 * (a purchase, a notification sent to thousands). The first request with a key claims it (a row of
 * the service's {@code idempotent_request}, keyed by caller and key); its answer is kept for 24 hours
 * and replayed, status and body, with {@code Idempotent-Replayed: true}, to every retry with the
 * same body. The same key with another body is a 422. A second request while the first is still
 * running waits for its answer rather than doing the work again. A refusal (a problem) did nothing
 * and is not kept; neither is an answer that says "try again" (a 5xx): the retry resumes the same
 * work, which should itself be keyed by the request ({@link #resourceId}), so nothing happens twice.

 */
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    static final Duration KEPT_FOR = Duration.ofHours(24);
    /** How long a claim holds before another request may take the key over (a crashed instance). */
    static final Duration CLAIM = Duration.ofSeconds(60);
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public IdempotentRequests(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** A stable id for what a keyed request creates, so a resumed retry finds what the first attempt made. */
    public static UUID resourceId(String purpose, UUID userId, String key) {
        return UUID.nameUUIDFromBytes((purpose + ":" + userId + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs {@code work} once for this caller and key, or answers what it answered the first time.
     *
     * @param request the parsed request; its JSON is the fingerprint a retry must match
     */
    public ResponseEntity<String> once(UUID userId, String key, Object request, Supplier<ResponseEntity<?>> work) {
        requireUsable(key);
        String fingerprint = sha256(json.writeValueAsString(request));
        // waiting for the first request is real time, not the service's (movable) clock
        long waitUntil = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (true) {
            Instant now = clock.instant();
            // a key older than 24 h is claimed afresh in the same statement, as if it were new
            boolean claimed = jdbc.update("""
                    insert into idempotent_request (user_id, idem_key, request_hash, claimed_until, created_at)
                    values (?, ?, ?, ?, ?)
                    on conflict (user_id, idem_key) do update set request_hash = excluded.request_hash,
                        claimed_until = excluded.claimed_until, created_at = excluded.created_at, completed = false,
                        status = null, content_type = null, location = null, body = null
                    where idempotent_request.created_at < ?""", userId, key, fingerprint, ts(now.plus(CLAIM)),
                    ts(now), ts(now.minus(KEPT_FOR))) == 1;
            if (!claimed) {
                Stored stored = stored(userId, key);
                if (stored == null) {
                    continue; // forgotten (a refusal) between our two statements
                }
                if (!stored.hash().equals(fingerprint)) {
                    throw new IdempotencyKeyReused(key);
                }
                if (stored.completed()) {
                    return replay(stored);
                }
                // the first request is running, or was abandoned: take it over once its claim lapses
                claimed = jdbc.update("""
                        update idempotent_request set claimed_until = ?
                        where user_id = ? and idem_key = ? and not completed and claimed_until < ?""",
                        ts(now.plus(CLAIM)), userId, key, ts(now)) == 1;
                if (!claimed) {
                    if (System.nanoTime() > waitUntil) {
                        throw new IdempotencyKeyInUse(key);
                    }
                    pause();
                    continue;
                }
            }
            // the caller's own expired keys go as it makes new ones: the table holds a day of keys
            jdbc.update("delete from idempotent_request where user_id = ? and created_at < ?", userId,
                    ts(now.minus(KEPT_FOR)));
            return run(userId, key, work);
        }
    }

    private ResponseEntity<String> run(UUID userId, String key, Supplier<ResponseEntity<?>> work) {
        ResponseEntity<?> answer;
        try {
            answer = work.get();
        } catch (RuntimeException refused) {
            // a refusal did nothing: forget the key, so the request may be made again as it is
            jdbc.update("delete from idempotent_request where user_id = ? and idem_key = ? and not completed",
                    userId, key);
            throw refused;
        }
        String body = answer.getBody() == null ? null
                : answer.getBody() instanceof String s ? s : json.writeValueAsString(answer.getBody());
        MediaType type = answer.getHeaders().getContentType() != null ? answer.getHeaders().getContentType()
                : MediaType.APPLICATION_JSON;
        String location = answer.getHeaders().getLocation() == null ? null : answer.getHeaders().getLocation().toString();
        if (answer.getStatusCode().is5xxServerError()) {
            jdbc.update("""
                    update idempotent_request set claimed_until = ? where user_id = ? and idem_key = ? and not completed""",
                    ts(Instant.EPOCH), userId, key);
        } else {
            jdbc.update("""
                    update idempotent_request set completed = true, status = ?, content_type = ?, location = ?, body = ?
                    where user_id = ? and idem_key = ?""", answer.getStatusCode().value(), type.toString(), location,
                    body, userId, key);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.addAll(answer.getHeaders());
        headers.setContentType(type);
        return new ResponseEntity<>(body, headers, answer.getStatusCode());
    }

    private ResponseEntity<String> replay(Stored stored) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Idempotent-Replayed", "true");
        if (stored.contentType() != null) {
            headers.setContentType(MediaType.parseMediaType(stored.contentType()));
        }
        if (stored.location() != null) {
            headers.setLocation(java.net.URI.create(stored.location()));
        }
        return new ResponseEntity<>(stored.body(), headers, HttpStatus.valueOf(stored.status()));
    }

    private record Stored(String hash, boolean completed, int status, String contentType, String location, String body) {
    }

    private Stored stored(UUID userId, String key) {
        List<Stored> rows = jdbc.query("""
                select request_hash, completed, status, content_type, location, body from idempotent_request
                where user_id = ? and idem_key = ?""", (rs, n) -> new Stored(rs.getString(1), rs.getBoolean(2),
                rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6)), userId, key);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static void requireUsable(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidField(HEADER, "is required: a unique value (a UUID) per request, sent again unchanged"
                    + " on retries");
        }
        if (key.length() > 255 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidField(HEADER, "must be 1 to 255 visible ASCII characters");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the first request with this key", e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
