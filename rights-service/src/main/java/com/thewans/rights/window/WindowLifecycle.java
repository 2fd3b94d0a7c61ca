package com.thewans.rights.window;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves windows SCHEDULED -> ACTIVE -> EXPIRED when their times come. Each transition is one
 * conditional UPDATE ... RETURNING over rows locked with SKIP LOCKED: of several instances
 * advancing at once, exactly one flips each window and publishes its event, in the same
 * transaction as the flip. A window whose whole span passed while nothing ran is opened and
 * closed in the same pass, so every window.closed(EXPIRED) follows a window.opened.
 */
public class WindowLifecycle {

    static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final WindowEvents events;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    public WindowLifecycle(JdbcTemplate jdbc, TransactionTemplate transactions, WindowEvents events,
            ApplicationEventPublisher publisher, Clock clock) {
        this.jdbc = jdbc;
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
            step = transactions.execute(status -> openDue(now) + closeDue(now));
            total += step;
        } while (step > 0 && step >= BATCH);
        return total;
    }

    private int openDue(Instant now) {
        Timestamp at = Timestamp.from(now);
        List<WindowEvents.WindowState> opened = jdbc.query("""
                update windows set status = 'ACTIVE', version = version + 1, updated_at = ?
                where status = 'SCHEDULED' and id in (
                    select id from windows where status = 'SCHEDULED' and starts_at <= ?
                    order by starts_at limit ? for update skip locked)
                returning id, film_id, type, worldwide, territories, excluded_territories, starts_at, ends_at""",
                (rs, i) -> state(rs), at, at, BATCH);
        opened.forEach(events::opened);
        changed(opened.stream().map(WindowEvents.WindowState::filmId).toList());
        return opened.size();
    }

    private int closeDue(Instant now) {
        Timestamp at = Timestamp.from(now);
        List<WindowEvents.WindowClosed> closed = jdbc.query("""
                update windows set status = 'EXPIRED', version = version + 1, updated_at = ?
                where status = 'ACTIVE' and id in (
                    select id from windows where status = 'ACTIVE' and ends_at <= ?
                    order by ends_at limit ? for update skip locked)
                returning id, film_id, type""",
                (rs, i) -> new WindowEvents.WindowClosed(rs.getObject("id", UUID.class),
                        rs.getObject("film_id", UUID.class), WindowType.valueOf(rs.getString("type")), "EXPIRED"),
                at, at, BATCH);
        closed.forEach(c -> events.closed(c.windowId(), c.filmId(), c.type(), c.reason()));
        changed(closed.stream().map(WindowEvents.WindowClosed::filmId).toList());
        return closed.size();
    }

    private void changed(List<UUID> filmIds) {
        if (!filmIds.isEmpty()) {
            publisher.publishEvent(new WindowsChanged(Set.copyOf(new HashSet<>(filmIds))));
        }
    }

    private static WindowEvents.WindowState state(ResultSet rs) throws SQLException {
        Timestamp endsAt = rs.getTimestamp("ends_at");
        return new WindowEvents.WindowState(rs.getObject("id", UUID.class), rs.getObject("film_id", UUID.class),
                WindowType.valueOf(rs.getString("type")), rs.getBoolean("worldwide"),
                codes(rs.getArray("territories")), codes(rs.getArray("excluded_territories")),
                rs.getTimestamp("starts_at").toInstant(), endsAt == null ? null : endsAt.toInstant());
    }

    private static List<String> codes(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).sorted()
                .toList();
    }
}
