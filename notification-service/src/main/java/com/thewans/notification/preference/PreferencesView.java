package com.thewans.notification.preference;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.thewans.notification.kind.Category;
import com.thewans.notification.kind.Channel;

/**
 * A user's notification settings, as read and as replaced by PUT: language of messages, time zone
 * and quiet hours, territory (for announcements to a territory), the on/off choice per category
 * and channel, and the genres and creators whose new releases they hear of.
 */
record PreferencesView(@NotNull @Pattern(regexp = "[a-z]{2,3}") String language,
        @NotNull @Size(max = 64) String timeZone, @Pattern(regexp = "[A-Z]{2}") String territory,
        @Valid QuietHoursView quietHours, @NotNull @Size(max = 100) List<@Valid @NotNull Choice> channels,
        @Valid Following follows) {

    record QuietHoursView(@NotNull LocalTime from, @NotNull LocalTime until) {
    }

    record Choice(@NotNull Category category, @NotNull Channel channel, boolean enabled) {
    }

    record Following(@NotNull @Size(max = 50) List<@NotNull @Pattern(regexp = "[a-z0-9-]{1,100}") String> genres,
            @NotNull @Size(max = 200) List<@NotNull UUID> creators) {
    }
}
