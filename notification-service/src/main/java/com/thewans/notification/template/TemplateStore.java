package com.thewans.notification.template;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.thewans.notification.kind.Channel;
import com.thewans.notification.kind.NotificationType;

/** Templates in the database: the newest version of a type, channel and language is the one used. */
@Repository
public class TemplateStore {

    public static final String FALLBACK_LANGUAGE = "en";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TemplateStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The newest template in the language, else the newest English one; empty when the type has none on the channel. */
    public Optional<Template> current(NotificationType type, Channel channel, String language) {
        return jdbc.query("""
                select * from templates where type = ? and channel = ? and language in (?, ?)
                order by (language = ?) desc, version desc limit 1""", TemplateStore::template,
                type.name(), channel.name(), language, FALLBACK_LANGUAGE, language).stream().findFirst();
    }

    public Optional<Template> find(UUID id) {
        return jdbc.query("select * from templates where id = ?", TemplateStore::template, id).stream().findFirst();
    }

    public List<Template> list(NotificationType type, Channel channel, String language, int limit, long offset) {
        return jdbc.query("""
                select * from templates where (?::text is null or type = ?) and (?::text is null or channel = ?)
                    and (?::text is null or language = ?)
                order by type, channel, language, version desc limit ? offset ?""", TemplateStore::template,
                name(type), name(type), name(channel), name(channel), language, language, limit, offset);
    }

    public long count(NotificationType type, Channel channel, String language) {
        return jdbc.queryForObject("""
                select count(*) from templates where (?::text is null or type = ?) and (?::text is null or channel = ?)
                    and (?::text is null or language = ?)""", Long.class,
                name(type), name(type), name(channel), name(channel), language, language);
    }

    /**
     * The next version of a type's template on a channel in a language. Two admins at once collide on
     * the unique version and the loser takes the one after (outside a transaction, so the failed
     * insert does not abort the retry).
     */
    public Template addVersion(NotificationType type, Channel channel, String language, String subject,
            String bodyText, String bodyHtml, UUID author) {
        for (int tries = 0; ; tries++) {
            UUID id = UUID.randomUUID();
            try {
                jdbc.update("""
                        insert into templates (id, type, channel, language, version, subject, body_text, body_html,
                            created_at, created_by)
                        select ?, ?, ?, ?, coalesce(max(version), 0) + 1, ?, ?, ?, ?, ? from templates
                        where type = ? and channel = ? and language = ?""",
                        id, type.name(), channel.name(), language, subject, bodyText, bodyHtml,
                        Timestamp.from(clock.instant()), author, type.name(), channel.name(), language);
                return find(id).orElseThrow();
            } catch (DuplicateKeyException e) {
                if (tries == 2) {
                    throw e;
                }
            }
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Template template(ResultSet rs, int row) throws SQLException {
        return new Template(rs.getObject("id", UUID.class), NotificationType.valueOf(rs.getString("type")),
                Channel.valueOf(rs.getString("channel")), rs.getString("language"), rs.getInt("version"),
                rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
                rs.getTimestamp("created_at").toInstant());
    }
}
