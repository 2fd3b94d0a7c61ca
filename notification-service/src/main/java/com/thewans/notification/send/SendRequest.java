package com.thewans.notification.send;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.thewans.notification.kind.Channel;
import com.thewans.notification.kind.NotificationType;

/**
 * A notification sent on request: to one user ({@code userId}) or, by admins, to a segment
 * ({@code {"all":true}}, {@code {"territory":"PG"}} or {@code {"language":"tpi"}}). The variables
 * fill the type's templates ({@code title} and {@code message} for announcements, promotions and
 * system alerts).
 */
record SendRequest(@NotNull NotificationType type, UUID userId, SegmentRequest segment,
        @Size(max = 3) List<@NotNull Channel> channels,
        @NotNull @Size(min = 1, max = 30) Map<@NotNull @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{0,49}") String,
                @NotNull @Size(max = 5000) String> variables) {

    record SegmentRequest(Boolean all, @Size(max = 2) String territory, @Size(max = 3) String language) {
    }
}
