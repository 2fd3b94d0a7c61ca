package com.thewans.notification.template;

import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Sample data to fill a template with: what the events or a send request would give it. */
record PreviewRequest(@NotNull @Size(max = 100) Map<String, Object> variables) {
}
