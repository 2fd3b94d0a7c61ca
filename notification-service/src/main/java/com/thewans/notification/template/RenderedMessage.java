package com.thewans.notification.template;

/** A template filled in: what a delivery carries (subject and HTML only where the channel has them). */
public record RenderedMessage(String subject, String text, String html) {
}
