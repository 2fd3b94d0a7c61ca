package com.thewans.notification.template;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** A template names a variable the message was not given: refused rather than sent with a blank. */
public class TemplateVariableMissing extends WansException {

    public TemplateVariableMissing(String template, String detail) {
        super(HttpStatus.BAD_REQUEST, "template-variable-missing",
                "The template " + template + " needs a variable it was not given: " + detail);
        with("template", template);
    }
}
