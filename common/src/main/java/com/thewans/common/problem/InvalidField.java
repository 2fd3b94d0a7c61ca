package com.thewans.common.problem;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * Fields that passed bean validation but that a rule of the service refused (an ISO code it does
 * not know, two fields that contradict each other). The same 400 {@code validation-failed}
 * shape, with {@code errors}, as every other validation problem.
 */
public class InvalidField extends WansException {

    public InvalidField(String field, String message) {
        this(List.of(new Problems.FieldError(field, message)));
    }

    public InvalidField(List<Problems.FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "validation-failed", "The request has invalid fields: "
                + String.join(", ", errors.stream().map(Problems.FieldError::field).distinct().toList()));
        with("errors", List.copyOf(errors));
    }
}
