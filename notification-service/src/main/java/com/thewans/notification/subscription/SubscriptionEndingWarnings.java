package com.thewans.notification.subscription;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.notification.kind.NotificationType;
import com.thewans.notification.notification.Notice;
import com.thewans.notification.notification.Notifier;

/**
 * Warns three days before a cancelled subscription ends. Each ending is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and marked warned in the warning's own transaction, so every
 * ending is warned of once however many instances run.
 */
@Component
public class SubscriptionEndingWarnings {

    static final Duration AHEAD = Duration.ofDays(3);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneId.of("Pacific/Port_Moresby"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Notifier notifier;
    private final Clock clock;

    SubscriptionEndingWarnings(JdbcTemplate jdbc, TransactionTemplate tx, Notifier notifier, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Warns of the endings now within three days; how many it warned of. */
    public int warnDue() {
        Integer warned = tx.execute(status -> {
            Instant now = clock.instant();
            List<Map<String, Object>> due = jdbc.queryForList("""
                    select subscription_id, user_id, plan, ends_at from subscription_endings
                    where warned_at is null and ends_at <= ? and ends_at > ?
                    order by ends_at limit 500 for update skip locked""",
                    Timestamp.from(now.plus(AHEAD)), Timestamp.from(now));
            for (Map<String, Object> ending : due) {
                Instant endsAt = ((Timestamp) ending.get("ends_at")).toInstant();
                UUID subscription = (UUID) ending.get("subscription_id");
                notifier.notify(Notice.of((UUID) ending.get("user_id"), NotificationType.SUBSCRIPTION_EXPIRING,
                        "ending:" + subscription + ":" + endsAt, Map.of("plan", ending.get("plan"),
                                "periodEnd", date(endsAt))));
                jdbc.update("update subscription_endings set warned_at = ? where subscription_id = ?",
                        Timestamp.from(now), subscription);
            }
            return due.size();
        });
        return warned == null ? 0 : warned;
    }

    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }
}
