package com.thewans.rights.web;

import java.util.List;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.Problems;
import com.thewans.common.problem.WansException;

/** A field that passed bean validation but that a rights rule refused; same shape as any validation problem. */
public class InvalidField extends WansException {

    public InvalidField(String field, String message) {
        super(HttpStatus.BAD_REQUEST, "validation-failed", "The request has invalid fields: " + field);
        with("errors", List.of(new Problems.FieldError(field, message)));
    }
}
