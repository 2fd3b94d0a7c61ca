package com.thewans.notification.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.thewans.notification.kind.Channel;

/**
 * The deliveries table. Every state change is one guarded UPDATE named for it, so an instance
 * whose lease ran out cannot overwrite what another instance did since.
 */
@Repository
public class Deliveries {

    private final JdbcTemplate jdbc;

    Deliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a notification's deliveries; one per channel, whatever is added twice. */
    public void add(List<NewDelivery> deliveries, Instant now) {
        List<Object[]> rows = new ArrayList<>(deliveries.size());
        for (NewDelivery d : deliveries) {
            boolean done = d.state() != DeliveryState.QUEUED;
            rows.add(new Object[] {UUID.randomUUID(), d.notificationId(), d.userId(), d.channel().name(),
                d.state().name(), d.destination(), d.language(), d.subject(), d.text(), d.html(), d.unsubscribeUrl(),
                done ? null : Timestamp.from(d.notBefore() == null ? now : d.notBefore()), d.reason(),
                Timestamp.from(now), done ? Timestamp.from(now) : null});
        }
        jdbc.batchUpdate("""
                insert into deliveries (id, notification_id, user_id, channel, state, destination, language, subject,
                    body_text, body_html, unsubscribe_url, next_attempt_at, last_error, created_at, finished_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (notification_id, channel) do nothing""", rows);
    }

    /**
     * Takes up to {@code limit} due deliveries for one attempt each, skipping rows another instance
     * is taking at the same moment; each is this instance's until {@code lease} has passed (after a
     * crash another instance takes it again then). The address is the one given or, if none was, the
     * user's current one.
     */
    List<ClaimedDelivery> claim(Instant now, int limit, Duration lease) {
        return jdbc.query("""
                with due as (
                    select id from deliveries
                    where state = 'QUEUED' and next_attempt_at <= ? and channel <> 'INBOX'
                      and (claimed_until is null or claimed_until <= ?)
                    order by next_attempt_at
                    limit ?
                    for update skip locked)
                update deliveries d set claimed_until = ?, attempts = d.attempts + 1
                from due where d.id = due.id
                returning d.id, d.user_id, d.channel, d.language, d.subject, d.body_text, d.body_html,
                    d.unsubscribe_url, d.attempts,
                    coalesce(d.destination, (select case d.channel when 'EMAIL' then c.email else c.phone end
                                             from contacts c where c.user_id = d.user_id)) as address""",
                Deliveries::claimed, Timestamp.from(now), Timestamp.from(now), limit,
                Timestamp.from(now.plus(lease)));
    }

    /** Records sent deliveries, a batch in two statements (an email batch is sent over one connection too). */
    void markSent(Map<ClaimedDelivery, String> sent, Instant now) {
        if (sent.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        List<Object[]> updates = new ArrayList<>(sent.size());
        List<Object[]> attempts = new ArrayList<>(sent.size());
        sent.forEach((d, providerId) -> {
            updates.add(new Object[] {providerId, d.destination(), at, d.id(), d.attempt()});
            attempts.add(new Object[] {d.id(), d.attempt(), at, "SENT", null});
        });
        jdbc.batchUpdate("""
                update deliveries set state = 'SENT', provider_id = ?, destination = ?, finished_at = ?,
                    claimed_until = null, last_error = null
                where id = ? and state = 'QUEUED' and attempts = ?""", updates);
        jdbc.batchUpdate(ATTEMPT, attempts);
    }

    void retryAt(ClaimedDelivery d, Instant at, String error, Instant now) {
        jdbc.update("""
                update deliveries set next_attempt_at = ?, claimed_until = null, last_error = ?
                where id = ? and state = 'QUEUED' and attempts = ?""",
                Timestamp.from(at), error, d.id(), d.attempt());
        attempt(d, now, "RETRY", error);
    }

    void markFailed(ClaimedDelivery d, String error, Instant now) {
        finish(d, DeliveryState.FAILED, error, now);
        attempt(d, now, "FAILED", error);
    }

    void markSuppressed(ClaimedDelivery d, String reason, Instant now) {
        finish(d, DeliveryState.SUPPRESSED, reason, now);
        attempt(d, now, "FAILED", reason);
    }

    /** Not an attempt at all (the SMS allowance is used up): back in the queue without counting. */
    void postpone(ClaimedDelivery d, Instant at) {
        jdbc.update("""
                update deliveries set next_attempt_at = ?, claimed_until = null, attempts = attempts - 1
                where id = ? and state = 'QUEUED' and attempts = ?""", Timestamp.from(at), d.id(), d.attempt());
    }

    /** An admin sends a failed delivery again (the address was fixed): a fresh start of its attempts. */
    boolean requeue(UUID id, Instant now) {
        return jdbc.update("""
                update deliveries set state = 'QUEUED', attempts = 0, next_attempt_at = ?, claimed_until = null,
                    finished_at = null
                where id = ? and state = 'FAILED' and channel <> 'INBOX'""", Timestamp.from(now), id) == 1;
    }

    List<DeliveryView> page(DeliveryState state, Channel channel, int limit, long offset) {
        return jdbc.query("""
                select d.*, n.type, n.category from deliveries d join notifications n on n.id = d.notification_id
                where (?::text is null or d.state = ?) and (?::text is null or d.channel = ?)
                order by d.created_at desc, d.id limit ? offset ?""", Deliveries::view,
                name(state), name(state), name(channel), name(channel), limit, offset);
    }

    long count(DeliveryState state, Channel channel) {
        return jdbc.queryForObject("""
                select count(*) from deliveries where (?::text is null or state = ?) and (?::text is null or channel = ?)""",
                Long.class, name(state), name(state), name(channel), name(channel));
    }

    List<AttemptView> attempts(UUID deliveryId) {
        return jdbc.query("""
                select attempt, attempted_at, outcome, error from delivery_attempts where delivery_id = ?
                order by attempt""", (rs, row) -> new AttemptView(rs.getInt("attempt"),
                rs.getTimestamp("attempted_at").toInstant(), rs.getString("outcome"), rs.getString("error")), deliveryId);
    }

    private void finish(ClaimedDelivery d, DeliveryState state, String error, Instant now) {
        jdbc.update("""
                update deliveries set state = ?, last_error = ?, finished_at = ?, claimed_until = null
                where id = ? and state = 'QUEUED' and attempts = ?""",
                state.name(), error, Timestamp.from(now), d.id(), d.attempt());
    }

    private static final String ATTEMPT = """
            insert into delivery_attempts (delivery_id, attempt, attempted_at, outcome, error) values (?, ?, ?, ?, ?)
            on conflict do nothing""";

    private void attempt(ClaimedDelivery d, Instant now, String outcome, String error) {
        jdbc.update(ATTEMPT, d.id(), d.attempt(), Timestamp.from(now), outcome, error);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static ClaimedDelivery claimed(ResultSet rs, int row) throws SQLException {
        return new ClaimedDelivery(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                Channel.valueOf(rs.getString("channel")), rs.getString("address"), rs.getString("language"),
                rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
                rs.getString("unsubscribe_url"), rs.getInt("attempts"));
    }

    private static DeliveryView view(ResultSet rs, int row) throws SQLException {
        Timestamp next = rs.getTimestamp("next_attempt_at");
        Timestamp finished = rs.getTimestamp("finished_at");
        return new DeliveryView(rs.getObject("id", UUID.class), rs.getObject("notification_id", UUID.class),
                rs.getObject("user_id", UUID.class), rs.getString("type"), rs.getString("category"),
                Channel.valueOf(rs.getString("channel")), DeliveryState.valueOf(rs.getString("state")),
                rs.getString("destination"), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), next == null ? null : next.toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
