package com.thewans.catalog.availability;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import com.thewans.catalog.film.CatalogCache;
import com.thewans.common.events.EventEnvelope;
import com.thewans.common.events.EventHandler;

import tools.jackson.databind.JsonNode;

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

    @Bean
    EventHandler windowOpened(JdbcTemplate jdbc, CatalogCache cache) {
        return handler("window.opened", event -> upsert(jdbc, cache, event));
    }

    @Bean
    EventHandler windowUpdated(JdbcTemplate jdbc, CatalogCache cache) {
        return handler("window.updated", event -> upsert(jdbc, cache, event));
    }

    @Bean
    EventHandler windowClosed(JdbcTemplate jdbc, CatalogCache cache) {
        return handler("window.closed", event -> {
            JsonNode d = event.data();
            UUID windowId = UUID.fromString(d.get("windowId").asString());
            UUID filmId = UUID.fromString(d.get("filmId").asString());
            jdbc.update("""
                    insert into film_window (window_id, film_id, type, worldwide, starts_at, closed, event_occurred_at)
                    values (?, ?, ?, false, ?, true, ?)
                    on conflict (window_id) do update set closed = true, event_occurred_at = excluded.event_occurred_at""",
                    windowId, filmId, d.path("type").asString("UNKNOWN"), ts(event.occurredAt()),
                    ts(event.occurredAt()));
            cache.availabilityChanged();
        });
    }

    private static void upsert(JdbcTemplate jdbc, CatalogCache cache, EventEnvelope event) {
        JsonNode d = event.data();
        String type = d.get("type").asString();
        if (!TYPES.contains(type)) {
            // a type this catalog does not know yet: keep nothing rather than guess
            log.warn("ignoring {} {} of unknown window type {}", event.type(), event.id(), type);
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
                UUID.fromString(d.get("windowId").asString()), UUID.fromString(d.get("filmId").asString()), type,
                d.path("worldwide").asBoolean(false), codes(d.path("territories")),
                codes(d.path("excludedTerritories")), ts(Instant.parse(d.get("startsAt").asString())),
                d.hasNonNull("endsAt") ? ts(Instant.parse(d.get("endsAt").asString())) : null,
                ts(event.occurredAt()));
        cache.availabilityChanged();
    }

    private static String[] codes(JsonNode array) {
        List<String> codes = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(code -> codes.add(code.asString().toUpperCase(java.util.Locale.ROOT)));
        }
        return codes.toArray(String[]::new);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private interface Handling {
        void handle(EventEnvelope event);
    }

    private static EventHandler handler(String type, Handling handling) {
        return new EventHandler() {
            @Override
            public String eventType() {
                return type;
            }

            @Override
            public void handle(EventEnvelope event) {
                handling.handle(event);
            }
        };
    }
}
