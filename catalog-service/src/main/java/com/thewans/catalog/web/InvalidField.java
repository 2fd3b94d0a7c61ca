package com.thewans.catalog.web;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.Problems;
import com.thewans.common.problem.WansException;

/** Fields a domain rule refused; the same shape as every other validation problem. */
public class InvalidField extends WansException {

    public InvalidField(String field, String message) {
        this(List.of(new Problems.FieldError(field, message)));
    }

    public InvalidField(List<Problems.FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "validation-failed", "The request has invalid fields: "
                + String.join(", ", errors.stream().map(Problems.FieldError::field).distinct().toList()));
        with("errors", errors);
    }
}
