package com.thewans.notification.template;

import org.springframework.http.HttpStatus;

import com.thewans.common.problem.WansException;

/** No template with that id, or none at all for a type on a channel (not even in English). */
public class TemplateNotFound extends WansException {

    public TemplateNotFound(Object id) {
        super(HttpStatus.NOT_FOUND, "template-not-found", "There is no template " + id);
        with("templateId", String.valueOf(id));
    }

    public TemplateNotFound(String type, String channel) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "template-not-found",
                "There is no " + channel + " template for " + type);
        with("notificationType", type).with("channel", channel);
    }
}
