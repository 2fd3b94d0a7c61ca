package com.thewans.identity.web;

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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import com.thewans.common.problem.ProblemDecorator;
import com.thewans.common.problem.Problems;


/**
 * Answers common's handler cannot give: a 429 with the Retry-After header, and a 503 rather than a
 * 500 when Redis is away.
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

    private ResponseEntity<Object> answer(ProblemDetail problem, HttpHeaders headers, HttpServletRequest request) {
        decorator.decorate(problem, request.getRequestURI());
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, headers, HttpStatus.valueOf(problem.getStatus()));
    }
}
