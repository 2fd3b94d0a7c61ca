package com.thewans.rights.window;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves windows SCHEDULED -> ACTIVE -> EXPIRED when their times come ({@link WindowTransitions}),
 * publishing each transition's event in the same transaction as the flip, so each is announced
 * exactly once however many instances run. A window whose whole span passed while nothing ran is
 * opened and closed in the same pass, so every window.closed(EXPIRED) follows a window.opened.
 */
public class WindowLifecycle {

    static final int BATCH = 200;

    private final WindowTransitions transitions;
    private final TransactionTemplate transactions;
    private final WindowEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    WindowLifecycle(WindowTransitions transitions, TransactionTemplate transactions, WindowEvents events,
            ApplicationEventPublisher publisher, Clock clock) {
        this.transitions = transitions;
        this.transactions = transactions;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Opens and closes every window that is due; returns how many transitions this instance made. */
    public int advance() {
        int total = 0;
        int step;
        do {
            Instant now = clock.instant();
            step = transactions.execute(status -> openDue(now) + expireDue(now));
            total += step;
        } while (step > 0 && step >= BATCH);
        return total;
    }

    private int openDue(Instant now) {
        List<WindowEvents.WindowOpened> opened = transitions.openDue(now, BATCH);
        opened.forEach(events::opened);
        changed(opened.stream().map(WindowEvents.WindowOpened::filmId).toList());
        return opened.size();
    }

    private int expireDue(Instant now) {
        List<WindowEvents.WindowClosed> closed = transitions.expireDue(now, BATCH);
        closed.forEach(events::closed);
        changed(closed.stream().map(WindowEvents.WindowClosed::filmId).toList());
        return closed.size();
    }

    private void changed(List<UUID> filmIds) {
        if (!filmIds.isEmpty()) {
            publisher.publishEvent(new WindowsChanged(Set.copyOf(filmIds)));
        }
    }
}
