package com.thewans.rights.window;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.thewans.common.events.DomainEvents;

/** The window events other services (catalog first) react to; shapes documented in docs/events.md. */
@Component
public class WindowEvents {

    public static final String OPENED = "window.opened";
    public static final String UPDATED = "window.updated";
    public static final String CLOSED = "window.closed";

    record WindowState(UUID windowId, UUID filmId, WindowType type, boolean worldwide, List<String> territories,
            List<String> excludedTerritories, Instant startsAt, Instant endsAt) {
    }

    record WindowClosed(UUID windowId, UUID filmId, WindowType type, String reason) {
    }

    private final DomainEvents events;

    WindowEvents(DomainEvents events) {
        this.events = events;
    }

    void opened(WindowState state) {
        events.publish(OPENED, state);
    }

    void updated(ReleaseWindow window) {
        events.publish(UPDATED, state(window));
    }

    void closed(UUID windowId, UUID filmId, WindowType type, String reason) {
        events.publish(CLOSED, new WindowClosed(windowId, filmId, type, reason));
    }

    static WindowState state(ReleaseWindow w) {
        TerritoryScope scope = w.scope();
        return new WindowState(w.id(), w.filmId(), w.type(), scope.worldwide(), scope.sortedTerritories(),
                scope.sortedExcluded(), w.startsAt(), w.endsAt());
    }
}
