package com.thewans.notification.release;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.events.EventHandler;
import com.thewans.notification.NotificationSettings;
import com.thewans.notification.film.FilmChanged;
import com.thewans.notification.film.Films;
import com.thewans.notification.kind.NotificationType;
import com.thewans.notification.notification.Notice;
import com.thewans.notification.notification.Notifier;

/**
 * News of new releases, batched: a published film joins the next digest of every viewer who follows
 * one of its genres or its creator, and a viewer's digest goes out once their oldest waiting release
 * has waited the digest window (12 h), so a festival that publishes twenty films sends one message,
 * not twenty (the way Novu's digest step batches events per subscriber).
 */
@Component
public class ReleaseNews {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Notifier notifier;
    private final Clock clock;
    private final NotificationSettings settings;

    ReleaseNews(JdbcTemplate jdbc, TransactionTemplate tx, Notifier notifier, Clock clock,
            NotificationSettings settings) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.notifier = notifier;
        this.clock = clock;
        this.settings = settings;
    }

    void published(FilmChanged film) {
        List<String> creator = film.creatorId() == null ? List.of() : List.of(film.creatorId().toString());
        jdbc.update("""
                insert into release_digest_items (user_id, film_id, title, added_at)
                select distinct f.user_id, ?::uuid, ?::text, ?::timestamptz from follows f
                where ((f.kind = 'GENRE' and f.subject = any (?::text[])) or (f.kind = 'CREATOR' and f.subject = any (?::text[])))
                  and f.user_id is distinct from ?::uuid
                on conflict (user_id, film_id) do nothing""",
                film.filmId(), film.title(), Timestamp.from(clock.instant()),
                film.genres().toArray(String[]::new), creator.toArray(String[]::new), film.creatorId());
    }

    /** Sends the digests that are due; how many viewers got one. */
    public int sendDue() {
        Integer sent = tx.execute(status -> {
            Instant now = clock.instant();
            List<UUID> due = jdbc.queryForList("""
                    select user_id from release_digest_items where added_at <= ?
                    order by added_at limit 500 for update skip locked""", UUID.class,
                    Timestamp.from(now.minus(settings.digest().window()))).stream().distinct().toList();
            String films = settings.appUrl().replaceAll("/+$", "") + "/films/";
            for (UUID user : due) {
                Map<UUID, String> releases = new LinkedHashMap<>();
                jdbc.query("delete from release_digest_items where user_id = ? returning film_id, title, added_at",
                        rs -> {
                            releases.put(rs.getObject("film_id", UUID.class), rs.getString("title"));
                        }, user);
                if (releases.isEmpty()) {
                    continue;
                }
                List<Map<String, String>> list = new ArrayList<>();
                releases.forEach((id, title) -> list.add(Map.of("title", title, "url", films + id)));
                notifier.notify(Notice.of(user, NotificationType.NEW_RELEASES, "digest:" + UUID.randomUUID(),
                        Map.of("films", list, "count", list.size())));
            }
            return due.size();
        });
        return sent == null ? 0 : sent;
    }

    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        EventHandler filmPublishedHandler(Films films, ReleaseNews news) {
            return EventHandler.of("film.published", FilmChanged.class, (film, event) -> {
                films.remember(film);
                news.published(film);
            });
        }
    }
}
