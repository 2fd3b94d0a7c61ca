package com.thewans.common.availability;

import static com.thewans.common.db.SqlTimes.ts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.thewans.common.events.EventEnvelope;
import com.thewans.common.events.EventHandler;

/**
 * A service's own read model of rights-service's release windows, kept from {@code window.*} events
 * in a {@code film_window} table of the service's schema (the shape is in catalog's and
 * recommendation's first migrations): which window of which type is open for a film where, so a
 * query can filter "watchable now in PG" in SQL without asking rights per film.
 *
 * <p>Handlers run once per event (common's consumer records handled ids); the event time orders
 * updates, a closed window stays closed whatever arrives late, and window types this code does
 * not know are ignored rather than guessed at. Declare the three handlers as beans:
 * <pre>{@code
 * @Bean EventHandler windowOpened(JdbcTemplate jdbc) { return ReleaseWindowReadModel.opened(jdbc, () -> {}); }
 * }</pre>
 */
public final class ReleaseWindowReadModel {

    private static final Logger log = LoggerFactory.getLogger(ReleaseWindowReadModel.class);

    /** Every window type rights-service announces (docs/events.md). */
    public static final List<String> TYPES = List.of("FESTIVAL", "CINEMA", "COLLECTOR", "PVOD", "PPV", "TVOD", "SVOD",
            "AVOD");

    /**
     * The condition "window {@code w} is open at ? and covers territory ?" for a {@code film_window w}
     * join; its four parameters are the time twice, then the territory twice.
     */
    public static final String OPEN_IN_TERRITORY = "not w.closed and w.starts_at <= ? and (w.ends_at is null or"
            + " w.ends_at > ?) and (w.worldwide or w.territories @> array[?]::text[])"
            + " and not (w.excluded_territories @> array[?]::text[])";

    private ReleaseWindowReadModel() {
    }

    /** The read model's view of window.opened and window.updated: where and until when a window applies. */
    public record WindowOpened(UUID windowId, UUID filmId, String type, boolean worldwide, List<String> territories,
            List<String> excludedTerritories, Instant startsAt, Instant endsAt) {

        public WindowOpened {
            Objects.requireNonNull(windowId, "windowId");
            Objects.requireNonNull(filmId, "filmId");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(startsAt, "startsAt");
            territories = territories == null ? List.of() : territories;
            excludedTerritories = excludedTerritories == null ? List.of() : excludedTerritories;
        }
    }

    /** The read model's view of window.closed: the window no longer applies anywhere. */
    public record WindowClosed(UUID windowId, UUID filmId, String type) {

        public WindowClosed {
            Objects.requireNonNull(windowId, "windowId");
            Objects.requireNonNull(filmId, "filmId");
            type = type == null ? "UNKNOWN" : type;
        }
    }

    /** window.opened; {@code changed} runs after the row is written (to drop caches). */
    public static EventHandler opened(JdbcTemplate jdbc, Runnable changed) {
        return EventHandler.of("window.opened", WindowOpened.class, (window, event) -> {
            upsert(jdbc, window, event);
            changed.run();
        });
    }

    /** window.updated carries the same fields as an opening: the window's state now. */
    public static EventHandler updated(JdbcTemplate jdbc, Runnable changed) {
        return EventHandler.of("window.updated", WindowOpened.class, (window, event) -> {
            upsert(jdbc, window, event);
            changed.run();
        });
    }

    /** window.closed is final, even when it arrives before the opening. */
    public static EventHandler closed(JdbcTemplate jdbc, Runnable changed) {
        return EventHandler.of("window.closed", WindowClosed.class, (window, event) -> {
            jdbc.update("""
                    insert into film_window (window_id, film_id, type, worldwide, starts_at, closed, event_occurred_at)
                    values (?, ?, ?, false, ?, true, ?)
                    on conflict (window_id) do update set closed = true, event_occurred_at = excluded.event_occurred_at""",
                    window.windowId(), window.filmId(), window.type(), ts(event.occurredAt()),
                    ts(event.occurredAt()));
            changed.run();
        });
    }

    private static void upsert(JdbcTemplate jdbc, WindowOpened window, EventEnvelope event) {
        if (!TYPES.contains(window.type())) {
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
    }

    private static String[] codes(List<String> codes) {
        return codes.stream().map(code -> code.toUpperCase(Locale.ROOT)).toArray(String[]::new);
    }
}
