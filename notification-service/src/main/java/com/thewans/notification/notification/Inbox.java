package com.thewans.notification.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.PageOf;
import com.thewans.notification.kind.Category;
import com.thewans.notification.kind.NotificationType;

/** The in-app inbox: the notifications whose INBOX delivery was made, newest first. */
@Service
class Inbox {

    private static final String ITEMS = """
            select n.id, n.type, n.category, d.subject, d.body_text, n.created_at, n.read_at
            from notifications n join deliveries d on d.notification_id = n.id and d.channel = 'INBOX'
                and d.state = 'SENT'
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Inbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    InboxPage page(CurrentUser caller, UUID userId, boolean unreadOnly, int page, int size) {
        mayRead(caller, userId);
        var request = PageOf.request(page, size, 100, Sort.unsorted());
        String unread = unreadOnly ? " and n.read_at is null" : "";
        List<InboxItem> items = jdbc.query(ITEMS + " where n.user_id = ?" + unread
                + " order by n.created_at desc, n.id desc limit ? offset ?", Inbox::item, userId, size,
                request.getOffset());
        long total = jdbc.queryForObject("""
                select count(*) from notifications n join deliveries d on d.notification_id = n.id
                    and d.channel = 'INBOX' and d.state = 'SENT' where n.user_id = ?""" + unread, Long.class, userId);
        long unreadCount = unreadCount(caller, userId);
        return new InboxPage(items, page, size, total, (int) ((total + size - 1) / size), unreadCount);
    }

    @Transactional(readOnly = true)
    long unreadCount(CurrentUser caller, UUID userId) {
        mayRead(caller, userId);
        return jdbc.queryForObject("""
                select count(*) from notifications n join deliveries d on d.notification_id = n.id
                    and d.channel = 'INBOX' and d.state = 'SENT' where n.user_id = ? and n.read_at is null""",
                Long.class, userId);
    }

    /** Marks one read (again is harmless: the first time stays). Another user's is not found. */
    @Transactional
    InboxItem markRead(CurrentUser caller, UUID id) {
        jdbc.update("update notifications set read_at = ? where id = ? and read_at is null and (user_id = ? or ?)",
                Timestamp.from(clock.instant()), id, caller.userId(), caller.isAdmin());
        return jdbc.query(ITEMS + " where n.id = ? and (n.user_id = ? or ?)", Inbox::item, id, caller.userId(),
                caller.isAdmin()).stream().findFirst().orElseThrow(() -> new NotificationNotFound(id));
    }

    @Transactional
    int markAllRead(CurrentUser caller, UUID userId) {
        mayRead(caller, userId);
        return jdbc.update("update notifications set read_at = ? where user_id = ? and read_at is null",
                Timestamp.from(clock.instant()), userId);
    }

    private static void mayRead(CurrentUser caller, UUID userId) {
        if (!caller.userId().equals(userId) && !caller.isAdmin()) {
            throw new InboxOfAnotherUser(userId);
        }
    }

    private static InboxItem item(ResultSet rs, int row) throws SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new InboxItem(rs.getObject("id", UUID.class), NotificationType.valueOf(rs.getString("type")),
                Category.valueOf(rs.getString("category")), rs.getString("subject"), rs.getString("body_text"),
                rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }
}
