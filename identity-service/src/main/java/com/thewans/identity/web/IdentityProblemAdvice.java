package com.thewans.identity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.thewans.common.problem.ProblemDecorator;
import com.thewans.common.problem.Problems;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Answers common's handler cannot give: a 429 with the Retry-After header, a body that names the
 * JSON field that was unknown or of the wrong kind (clients fix their forms by field), and a 503
 * rather than a 500 when Redis is away.
 * Everything else falls through to common's ProblemHandler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(IdentityProblemAdvice.class);

    private final ProblemDecorator decorator;

    IdentityProblemAdvice(ProblemDecorator decorator) {
        this.decorator = decorator;
    }

    @ExceptionHandler(Throttled.class)
    ResponseEntity<Object> throttled(Throttled ex, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(ex.status(), ex.code(), ex.status().getReasonPhrase(), ex.getMessage());
        Problems.properties(problem, ex.properties());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfterSeconds()));
        return answer(problem, headers, request);
    }

    /** Sessions, throttles and nonces live in Redis: without it identity cannot answer safely. */
    @ExceptionHandler(RedisConnectionFailureException.class)
    ResponseEntity<Object> redisUnavailable(RedisConnectionFailureException ex, HttpServletRequest request) {
        log.warn("Redis is unavailable: {}", ex.getMessage());
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "dependency-unavailable",
                "Service Unavailable", "Sign-in is unavailable for a moment; try again shortly");
        problem.setProperty("dependency", "redis");
        return answer(problem, new HttpHeaders(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        List<Problems.FieldError> errors = new ArrayList<>();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            errors.add(new Problems.FieldError(path(unknown), "is not a known field"));
        } else if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String allowed = java.util.Arrays.stream(invalid.getTargetType().getEnumConstants())
                    .map(String::valueOf).collect(Collectors.joining(", "));
            errors.add(new Problems.FieldError(path(invalid), "must be one of: " + allowed));
        } else if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            errors.add(new Problems.FieldError(path(mismatched), "has the wrong type or format"));
        }
        ProblemDetail problem;
        if (errors.isEmpty()) {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Bad Request",
                    "The request body is missing or is not valid JSON of the expected shape");
        } else {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", "Bad Request",
                    "The request has invalid fields: " + errors.stream().map(Problems.FieldError::field)
                            .collect(Collectors.joining(", ")));
            Problems.fieldErrors(problem, errors);
        }
        return answer(problem, new HttpHeaders(), request);
    }

    private ResponseEntity<Object> answer(ProblemDetail problem, HttpHeaders headers, HttpServletRequest request) {
        decorator.decorate(problem, request.getRequestURI());
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, headers, HttpStatus.valueOf(problem.getStatus()));
    }

    /** "device.type" or "preferredGenres[2]": where in the body the bad value was. */
    private static String path(JacksonException ex) {
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
}
