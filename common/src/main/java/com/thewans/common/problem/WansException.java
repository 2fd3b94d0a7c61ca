package com.thewans.common.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Base of every exception a service throws on purpose. It carries what the client needs to
 * react: the HTTP status, a stable problem code (the last segment of the problem {@code type}),
 * a readable detail, extension members and, where the status calls for one, response headers
 * ({@code Retry-After}). Services extend it with small, named types ({@code FilmNotFound}); a
 * refusal is never an inline {@code new WansException(...)}.
 */
public class WansException extends RuntimeException {

    /**
     * RFC 9457's own members and the ones every WANS problem carries: an extension of the same
     * name would make a second {@code "status"} in the JSON, and parsers keep the last one.
     */
    public static final Set<String> RESERVED_MEMBERS = Set.of("type", "title", "status", "detail", "instance", "code",
            "service", "traceId");

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final HttpHeaders headers = new HttpHeaders();

    public WansException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public WansException(HttpStatus status, String code, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.code = code;
    }

    /**
     * Adds a machine-readable member to the problem body (for example {@code filmId}) and returns
     * this exception as the caller's own type, so {@code throw new FilmNotFound(id).with(...)} and
     * {@code AssetRefused refused = new AssetRefused(...).with(...)} need no cast.
     */
    @SuppressWarnings("unchecked")
    public <E extends WansException> E with(String name, Object value) {
        if (RESERVED_MEMBERS.contains(name)) {
            throw new IllegalArgumentException("A problem extension may not be called '" + name
                    + "': RFC 9457 or the platform uses that member; name what it is (e.g. 'filmStatus')");
        }
        properties.put(name, value);
        return (E) this;
    }

    /** Adds a response header to the problem answer (for example {@code Retry-After}). */
    @SuppressWarnings("unchecked")
    public <E extends WansException> E header(String name, String value) {
        headers.set(name, value);
        return (E) this;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public HttpHeaders headers() {
        return HttpHeaders.readOnlyHttpHeaders(headers);
    }
}
