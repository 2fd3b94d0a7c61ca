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

    /** A window opened on its start: where and until when it now applies. */
    record WindowOpened(UUID windowId, UUID filmId, WindowType type, boolean worldwide, List<String> territories,
            List<String> excludedTerritories, Instant startsAt, Instant endsAt) {
    }

    /** An open window was edited: its new state, the same fields as {@link WindowOpened}. */
    record WindowUpdated(UUID windowId, UUID filmId, WindowType type, boolean worldwide, List<String> territories,
            List<String> excludedTerritories, Instant startsAt, Instant endsAt) {
    }

    /** An open window ended: EXPIRED on its own end, or CANCELLED by an admin. */
    record WindowClosed(UUID windowId, UUID filmId, WindowType type, String reason) {
    }

    private final DomainEvents events;

    WindowEvents(DomainEvents events) {
        this.events = events;
    }

    void opened(WindowOpened opened) {
        events.publish(OPENED, opened);
    }

    void updated(ReleaseWindow w) {
        TerritoryScope scope = w.scope();
        events.publish(UPDATED, new WindowUpdated(w.id(), w.filmId(), w.type(), scope.worldwide(),
                scope.sortedTerritories(), scope.sortedExcluded(), w.startsAt(), w.endsAt()));
    }

    void closed(WindowClosed closed) {
        events.publish(CLOSED, closed);
    }

    void cancelled(ReleaseWindow w) {
        closed(new WindowClosed(w.id(), w.filmId(), w.type(), "CANCELLED"));
    }
}
