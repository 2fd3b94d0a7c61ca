package com.thewans.notification.template;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.thewans.notification.kind.Channel;
import com.thewans.notification.kind.NotificationType;

/** A new version of a template; the language is ISO 639-1, or 639-3 where there is no two-letter code ({@code tpi}). */
record NewTemplateRequest(@NotNull NotificationType type, @NotNull Channel channel,
        @NotNull @Pattern(regexp = "[a-z]{2,3}") String language, @Size(max = 300) String subject,
        @NotBlank @Size(max = 20_000) String bodyText, @Size(max = 100_000) String bodyHtml) {
}
