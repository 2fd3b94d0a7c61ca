package com.thewans.catalog.availability;

import static com.thewans.common.db.SqlTimes.ts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.thewans.catalog.cache.CatalogCache;
import com.thewans.common.events.EventEnvelope;
import com.thewans.common.events.EventHandler;

/**
 * Catalog's read model of rights-service's release windows: which window of which type is open
 * for a film where, so search can filter "watchable now as SVOD in PG" in SQL. Handlers run once
 * per event (common's consumer records handled ids); the event time orders updates, and a closed
 * window stays closed whatever arrives late.
 */
@Configuration(proxyBeanMethods = false)
class ReleaseWindows {

    private static final Logger log = LoggerFactory.getLogger(ReleaseWindows.class);
    static final List<String> TYPES = List.of("FESTIVAL", "CINEMA", "COLLECTOR", "PVOD", "PPV", "TVOD", "SVOD", "AVOD");

    /** Catalog's view of window.opened and window.updated: where and until when a window applies. */
    record WindowOpened(UUID windowId, UUID filmId, String type, boolean worldwide, List<String> territories,
            List<String> excludedTerritories, Instant startsAt, Instant endsAt) {

        WindowOpened {
            Objects.requireNonNull(windowId, "windowId");
            Objects.requireNonNull(filmId, "filmId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(startsAt, "startsAt");
            territories = territories == null ? List.of() : territories;
            excludedTerritories = excludedTerritories == null ? List.of() : excludedTerritories;
        }
    }

    /** Catalog's view of window.closed: the window no longer applies anywhere. */
    record WindowClosed(UUID windowId, UUID filmId, String type) {

        WindowClosed {
            Objects.requireNonNull(windowId, "windowId");
            Objects.requireNonNull(filmId, "filmId");
            type = type == null ? "UNKNOWN" : type;
        }
    }

    @Bean
    EventHandler windowOpened(JdbcTemplate jdbc, CatalogCache cache) {
        return EventHandler.of("window.opened", WindowOpened.class,
                (window, event) -> upsert(jdbc, cache, window, event));
    }

    @Bean
    EventHandler windowUpdated(JdbcTemplate jdbc, CatalogCache cache) {
        // an update carries the same fields as an opening: the window's state now
        return EventHandler.of("window.updated", WindowOpened.class,
                (window, event) -> upsert(jdbc, cache, window, event));
    }

    @Bean
    EventHandler windowClosed(JdbcTemplate jdbc, CatalogCache cache) {
        return EventHandler.of("window.closed", WindowClosed.class, (window, event) -> {
            jdbc.update("""
                    insert into film_window (window_id, film_id, type, worldwide, starts_at, closed, event_occurred_at)
                    values (?, ?, ?, false, ?, true, ?)
                    on conflict (window_id) do update set closed = true, event_occurred_at = excluded.event_occurred_at""",
                    window.windowId(), window.filmId(), window.type(), ts(event.occurredAt()),
                    ts(event.occurredAt()));
            cache.availabilityChanged();
        });
    }

    private static void upsert(JdbcTemplate jdbc, CatalogCache cache, WindowOpened window, EventEnvelope event) {
        if (!TYPES.contains(window.type())) {
            // a type this catalog does not know yet: keep nothing rather than guess
            log.warn("ignoring {} {} of unknown window type {}", event.type(), event.id(), window.type());
            return;
        }
        jdbc.update("""
                insert into film_window (window_id, film_id, type, worldwide, territories, excluded_territories,
                    starts_at, ends_at, event_occurred_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (window_id) do update set film_id = excluded.film_id, type = excluded.type,
                    worldwide = excluded.worldwide, territories = excluded.territories,
                    excluded_territories = excluded.excluded_territories, starts_at = excluded.starts_at,
                    ends_at = excluded.ends_at, event_occurred_at = excluded.event_occurred_at
                where not film_window.closed and film_window.event_occurred_at <= excluded.event_occurred_at""",
                window.windowId(), window.filmId(), window.type(), window.worldwide(), codes(window.territories()),
                codes(window.excludedTerritories()), ts(window.startsAt()), ts(window.endsAt()),
                ts(event.occurredAt()));
        cache.availabilityChanged();
    }

    private static String[] codes(List<String> codes) {
        return codes.stream().map(code -> code.toUpperCase(Locale.ROOT)).toArray(String[]::new);
    }
}
