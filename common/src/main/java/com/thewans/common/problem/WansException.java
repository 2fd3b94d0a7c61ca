package com.thewans.common.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Base of every exception a service throws on purpose. It carries what the client needs to
 * react: the HTTP status, a stable problem code (the last segment of the problem {@code type})
 * and a readable detail. Services extend it with small, named types ({@code FilmNotFound}).
 */
public class WansException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties = new LinkedHashMap<>();

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

    /** Adds a machine-readable property to the problem body (for example {@code filmId}). */
    public WansException with(String name, Object value) {
        properties.put(name, value);
        return this;
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
}
