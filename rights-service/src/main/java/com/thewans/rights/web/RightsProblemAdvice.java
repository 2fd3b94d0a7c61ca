package com.thewans.rights.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
 * A body that names the JSON field that was unknown or of the wrong kind (an unknown window type
 * or currency is a 400 naming the field and the allowed values, not a generic malformed body).
 * Everything else falls through to common's ProblemHandler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RightsProblemAdvice {

    private final ProblemDecorator decorator;

    RightsProblemAdvice(ProblemDecorator decorator) {
        this.decorator = decorator;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        List<Problems.FieldError> errors = new ArrayList<>();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            errors.add(new Problems.FieldError(path(unknown), "is not a known field"));
        } else if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String allowed = Arrays.stream(invalid.getTargetType().getEnumConstants())
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
