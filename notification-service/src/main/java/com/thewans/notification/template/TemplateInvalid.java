package com.thewans.notification.template;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A new template version that is not valid Mustache (an unclosed section, a stray tag). */
public class TemplateInvalid extends WansException {

    public TemplateInvalid(String field, String detail) {
        super(HttpStatus.BAD_REQUEST, "template-invalid", "The template's " + field + " cannot be parsed: " + detail);
        with("field", field);
    }
}
