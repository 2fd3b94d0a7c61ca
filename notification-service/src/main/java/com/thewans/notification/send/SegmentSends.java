package com.thewans.notification.send;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.notification.NotificationSettings;
import com.thewans.notification.Poller;
import com.thewans.notification.contact.Contact;
import com.thewans.notification.contact.Contacts;
import com.thewans.notification.contact.Segment;
import com.thewans.notification.kind.Channel;
import com.thewans.notification.kind.NotificationType;
import com.thewans.notification.notification.Notifier;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announcements to a segment, told in the background: the request is answered once the send is
 * recorded, and a pass tells the next batch of 1000 users of the oldest running send in one
 * transaction that also moves the send's cursor ({@code after_user}). The send row is claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so instances share the work and a send that an instance dropped
 * mid-way resumes after its last committed batch; no user is told twice (notification ids come from
 * the send and the user).
 */
@Component
class SegmentSends implements SmartLifecycle {

    static final int BATCH = 1000;
    private static final TypeReference<Map<String, String>> VARIABLES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Contacts contacts;
    private final Notifier notifier;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Poller poller;
    private final boolean enabled;

    SegmentSends(JdbcTemplate jdbc, TransactionTemplate tx, Contacts contacts, Notifier notifier, Clock clock,
            NotificationSettings settings) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.contacts = contacts;
        this.notifier = notifier;
        this.clock = clock;
        this.enabled = settings.delivery().enabled();
        this.poller = new Poller("notification-segment-sends", this::tellNextBatch, 1, settings.delivery().pollInterval());
    }

    /** Records a send (or finds the one this cause started) and wakes the pass after the commit. */
    SendView start(UUID caller, NotificationType type, List<Channel> channels, Map<String, String> variables,
            Segment segment, long recipients, String cause) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        String names = String.join(",", channels.stream().map(Channel::name).toList());
        int inserted = jdbc.update("""
                insert into segment_sends (id, caller, type, channels, variables, everyone, territory, language, cause,
                    state, recipients, created_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, 'RUNNING', ?, ?) on conflict (cause) do nothing""",
                id, caller, type.name(), names, json.writeValueAsString(variables), Boolean.TRUE.equals(segment.all()),
                segment.territory(), segment.language(), cause, recipients, Timestamp.from(now));
        if (inserted == 1 && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    poller.wake();
                }
            });
        } else if (inserted == 1) {
            poller.wake();
        }
        return jdbc.query("select * from segment_sends where cause = ?", SegmentSends::view, cause).get(0);
    }

    Optional<SendView> find(UUID id) {
        return jdbc.query("select * from segment_sends where id = ?", SegmentSends::view, id).stream().findFirst();
    }

    /** One batch of the oldest running send; 1 when it told a batch (so the pass goes on), else 0. */
    int tellNextBatch() {
        Integer told = tx.execute(status -> {
            List<Map<String, Object>> running = jdbc.queryForList("""
                    select * from segment_sends where state = 'RUNNING' order by created_at limit 1
                    for update skip locked""");
            if (running.isEmpty()) {
                return 0;
            }
            Map<String, Object> send = running.get(0);
            Segment segment = new Segment(Boolean.TRUE.equals(send.get("everyone")) ? Boolean.TRUE : null,
                    send.get("territory") == null ? null : ((String) send.get("territory")).trim(),
                    (String) send.get("language"));
            List<Contact> batch = contacts.segment(segment, (UUID) send.get("after_user"), BATCH);
            NotificationType type = NotificationType.valueOf((String) send.get("type"));
            List<Channel> channels = Arrays.stream(((String) send.get("channels")).split(",")).map(Channel::valueOf)
                    .toList();
            Map<String, String> variables = json.readValue(send.get("variables").toString(), VARIABLES);
            int newlyTold = notifier.notifyEach(batch, type, (String) send.get("cause"), variables, channels);
            boolean done = batch.size() < BATCH;
            jdbc.update("""
                    update segment_sends set after_user = ?, told = told + ?, state = ?, finished_at = ?
                    where id = ?""",
                    batch.isEmpty() ? send.get("after_user") : batch.get(batch.size() - 1).userId(), newlyTold,
                    done ? "DONE" : "RUNNING", done ? Timestamp.from(clock.instant()) : null, send.get("id"));
            return 1;
        });
        return told == null ? 0 : told;
    }

    private static SendView view(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new SendView(rs.getObject("id", UUID.class), rs.getString("state"), rs.getLong("recipients"),
                rs.getLong("told"), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }

    @Override
    public void start() {
        if (enabled) {
            poller.start();
        }
    }

    @Override
    public void stop() {
        poller.stop();
    }

    @Override
    public boolean isRunning() {
        return poller.isRunning();
    }
}
