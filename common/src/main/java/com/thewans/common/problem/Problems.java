package com.thewans.common.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import tools.jackson.core.JacksonException;

/**
 * Builds RFC 9457 problem bodies the same way everywhere: a stable {@code type} URI derived from
 * a short code, the request path as {@code instance}, and the trace id and answering service as
 * extension members so support can find the log lines of any error a client reports.
 */
public final class Problems {

    public static final String TYPE_BASE = "https://thewans.com/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static URI type(String code) {
        return URI.create(TYPE_BASE + code);
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(code));
        if (title != null) {
            problem.setTitle(title);
        }
        problem.setProperty("code", code);
        return problem;
    }

    /** A field that failed validation: where, what was wrong, and what was sent (if safe). */
    public record FieldError(String field, String message) {
    }

    public static void fieldErrors(ProblemDetail problem, List<FieldError> errors) {
        problem.setProperty("errors", errors);
    }

    public static void properties(ProblemDetail problem, Map<String, Object> properties) {
        properties.forEach(problem::setProperty);
    }

    /** The JSON body of a problem as a plain map: the standard members first, then the extensions. */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /** A code for a status that no handler named more precisely. */
    /** Where in a JSON body a bad value was, as a field name: "device.type" or "preferredGenres[2]". */
    public static String jsonPath(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : ex.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    public static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 429 -> "too-many-requests";
            case 503 -> "service-unavailable";
            default -> status.is5xxServerError() ? "internal-error" : "request-rejected";
        };
    }
}
