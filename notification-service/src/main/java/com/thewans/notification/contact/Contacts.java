package com.thewans.notification.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * This service's own view of how to reach users: addresses from identity's code events (the
 * address a code was sent to is the user's), language, time zone, territory and quiet hours from
 * the user's own settings here.
 */
@Repository
public class Contacts {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Contacts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Contact find(UUID userId) {
        return jdbc.query("select * from contacts where user_id = ?", Contacts::contact, userId).stream().findFirst()
                .orElseGet(() -> Contact.unknown(userId));
    }

    public Optional<Contact> known(UUID userId) {
        return jdbc.query("select * from contacts where user_id = ?", Contacts::contact, userId).stream().findFirst();
    }

    /** The user exists: a row with the defaults, so segments reach them even before they set anything. */
    public void remember(UUID userId) {
        jdbc.update("insert into contacts (user_id, updated_at) values (?, ?) on conflict (user_id) do nothing",
                userId, Timestamp.from(clock.instant()));
    }

    public void rememberEmail(UUID userId, String email) {
        jdbc.update("""
                insert into contacts (user_id, email, updated_at) values (?, ?, ?)
                on conflict (user_id) do update set email = excluded.email, updated_at = excluded.updated_at""",
                userId, email, Timestamp.from(clock.instant()));
    }

    public void rememberPhone(UUID userId, String phone) {
        jdbc.update("""
                insert into contacts (user_id, phone, updated_at) values (?, ?, ?)
                on conflict (user_id) do update set phone = excluded.phone, updated_at = excluded.updated_at""",
                userId, phone, Timestamp.from(clock.instant()));
    }

    public void changeSettings(UUID userId, String language, String territory, QuietHours quietHours) {
        jdbc.update("""
                insert into contacts (user_id, language, territory, time_zone, quiet_from, quiet_until, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (user_id) do update set language = excluded.language, territory = excluded.territory,
                    time_zone = excluded.time_zone, quiet_from = excluded.quiet_from,
                    quiet_until = excluded.quiet_until, updated_at = excluded.updated_at""",
                userId, language, territory, quietHours.zone().getId(),
                quietHours.from() == null ? null : Time.valueOf(quietHours.from()),
                quietHours.until() == null ? null : Time.valueOf(quietHours.until()), Timestamp.from(clock.instant()));
    }

    /** The next {@code limit} users of a segment after {@code after} (null: from the start), by user id. */
    public List<Contact> segment(Segment segment, UUID after, int limit) {
        List<Object> arguments = new ArrayList<>(segment.arguments());
        arguments.add(after == null ? new UUID(0, 0) : after);
        arguments.add(limit);
        return jdbc.query("select * from contacts where " + segment.where() + " and user_id > ? order by user_id limit ?",
                Contacts::contact, arguments.toArray());
    }

    public long count(Segment segment) {
        return jdbc.queryForObject("select count(*) from contacts where " + segment.where(), Long.class,
                segment.arguments().toArray());
    }

    private static Contact contact(ResultSet rs, int row) throws SQLException {
        Time from = rs.getTime("quiet_from");
        Time until = rs.getTime("quiet_until");
        return new Contact(rs.getObject("user_id", UUID.class), rs.getString("email"), rs.getString("phone"),
                rs.getString("language"), rs.getString("territory"),
                new QuietHours(from == null ? null : from.toLocalTime(), until == null ? null : until.toLocalTime(),
                        ZoneId.of(rs.getString("time_zone"))));
    }
}
