package com.thewans.notification.notification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.thewans.notification.kind.Channel;
import com.thewans.notification.kind.NotificationType;

/**
 * Something to tell one user. {@code cause} names what caused it (an event id, a send request):
 * one notification per cause and user, so a redelivered event tells nobody twice.
 *
 * @param channels     where to send it; the type's default channels when null
 * @param destinations addresses to use instead of the user's own (a code goes where it was asked for)
 */
public record Notice(UUID userId, NotificationType type, String cause, Map<String, ?> variables,
        List<Channel> channels, Map<Channel, String> destinations) {

    public Notice {
        if (userId == null || type == null || cause == null || cause.isBlank()) {
            throw new IllegalArgumentException("a notice needs a user, a type and a cause");
        }
        variables = variables == null ? Map.of() : variables;
        channels = channels == null || channels.isEmpty() ? type.defaultChannels() : List.copyOf(channels);
        destinations = destinations == null ? Map.of() : Map.copyOf(destinations);
    }

    public static Notice of(UUID userId, NotificationType type, String cause, Map<String, ?> variables) {
        return new Notice(userId, type, cause, variables, null, null);
    }
}
