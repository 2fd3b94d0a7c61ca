package com.thewans.rights.window;

import static com.thewans.common.db.SqlTimes.instant;
import static com.thewans.common.db.SqlTimes.ts;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The two transitions windows make on their own times, SCHEDULED -> ACTIVE at the start and
 * ACTIVE -> EXPIRED at the end (an admin's cancel is {@link ReleaseWindow#cancel}). Each is one
 * conditional UPDATE ... RETURNING over rows locked with SKIP LOCKED: of several instances
 * advancing at once, exactly one flips each window, and only that one learns it did (so only it
 * announces it). The version moves on, so an edit made against the old one is refused.
 */
@Component
class WindowTransitions {

    private final JdbcTemplate jdbc;

    WindowTransitions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens up to {@code batch} scheduled windows whose start has come; returns what opened. */
    List<WindowEvents.WindowOpened> openDue(Instant now, int batch) {
        return jdbc.query("""
                update windows set status = 'ACTIVE', version = version + 1, updated_at = ?
                where status = 'SCHEDULED' and id in (
                    select id from windows where status = 'SCHEDULED' and starts_at <= ?
                    order by starts_at limit ? for update skip locked)
                returning id, film_id, type, worldwide, territories, excluded_territories, starts_at, ends_at""",
                (rs, i) -> new WindowEvents.WindowOpened(rs.getObject("id", UUID.class),
                        rs.getObject("film_id", UUID.class), WindowType.valueOf(rs.getString("type")),
                        rs.getBoolean("worldwide"), codes(rs.getArray("territories")),
                        codes(rs.getArray("excluded_territories")), instant(rs, "starts_at"), instant(rs, "ends_at")),
                ts(now), ts(now), batch);
    }

    /** Expires up to {@code batch} open windows whose end has come; returns what closed. */
    List<WindowEvents.WindowClosed> expireDue(Instant now, int batch) {
        return jdbc.query("""
                update windows set status = 'EXPIRED', version = version + 1, updated_at = ?
                where status = 'ACTIVE' and id in (
                    select id from windows where status = 'ACTIVE' and ends_at <= ?
                    order by ends_at limit ? for update skip locked)
                returning id, film_id, type""",
                (rs, i) -> new WindowEvents.WindowClosed(rs.getObject("id", UUID.class),
                        rs.getObject("film_id", UUID.class), WindowType.valueOf(rs.getString("type")), "EXPIRED"),
                ts(now), ts(now), batch);
    }

    private static List<String> codes(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).sorted()
                .toList();
    }
}
