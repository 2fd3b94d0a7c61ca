package com.thewans.rights.window;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.audit.AuditLog;
import com.thewans.common.problem.InvalidField;
import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.EntityTags;

/**
 * Creates, changes and cancels release windows. Every change of a film's windows runs under a
 * transaction-scoped advisory lock on the film, so two admins creating conflicting exclusive
 * windows at once are serialised and the second sees the first (exactly one wins).
 */
@Service
public class WindowService {

    private final ReleaseWindowRepository windows;
    private final FilmCatalog catalog;
    private final WindowEvents events;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    WindowService(ReleaseWindowRepository windows, FilmCatalog catalog, WindowEvents events, AuditLog audit,
            JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ApplicationEventPublisher publisher,
            Clock clock) {
        this.windows = windows;
        this.catalog = catalog;
        this.events = events;
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.publisher = publisher;
        this.clock = clock;
    }

    public WindowView create(CreateWindowRequest request) {
        TerritoryScope scope = TerritoryScope.of(Boolean.TRUE.equals(request.worldwide()), request.territories(),
                request.excludedTerritories());
        requireOneStart(request.startsAt(), request.startsRelativeTo());
        WindowTerms terms = new WindowTerms(WindowTerms.prices(request.prices()), request.rental(), request.ppv(),
                request.editionSize()).validFor(request.type());
        // outside the transaction: no database lock is held while catalog answers
        catalog.require(request.filmId());
        return transactions.execute(status -> {
            lockFilm(request.filmId());
            Instant start = request.startsAt();
            if (request.startsRelativeTo() != null) {
                start = anchorFor(request.filmId(), null, request.startsRelativeTo()).startsAt()
                        .plus(Duration.ofDays(request.startsRelativeTo().offsetDays()));
            }
            ReleaseWindow window = ReleaseWindow.schedule(request.filmId(), request.type(), scope, start,
                    request.startsRelativeTo(), request.endsAt(), Boolean.TRUE.equals(request.exclusive()), terms,
                    clock.instant());
            window.checkConsistent();
            requireNoConflict(window, windows.findAllOfFilm(request.filmId()));
            windows.save(window);
            // written before answering, so the answer's version (its ETag) is the one stored
            windows.flush();
            audit.record("window.created", target(window), Map.of("filmId", window.filmId(), "type", window.type(),
                    "startsAt", window.startsAt().toString()));
            publisher.publishEvent(new WindowsChanged(Set.of(window.filmId())));
            return WindowView.of(window);
        });
    }

    /** Changes the window if {@code ifMatch} names its current version (412 otherwise). */
    public WindowView update(UUID windowId, EntityTags.IfMatch ifMatch, UpdateWindowRequest request) {
        if (request.startsAt() != null && request.startsRelativeTo() != null) {
            throw new InvalidField("startsAt", "send either startsAt or startsRelativeTo, not both");
        }
        if (Boolean.TRUE.equals(request.openEnded()) && request.endsAt() != null) {
            throw new InvalidField("endsAt", "send either endsAt or openEnded, not both");
        }
        return transactions.execute(status -> {
            UUID filmId = filmOf(windowId);
            lockFilm(filmId);
            List<ReleaseWindow> ofFilm = windows.findAllOfFilm(filmId);
            ReleaseWindow window = ofFilm.stream().filter(w -> w.id().equals(windowId)).findFirst()
                    .orElseThrow(() -> new WindowNotFound(windowId));
            ifMatch.check(window.version());
            long readVersion = window.version();
            window.ensureEditable();
            boolean wasOpen = window.status() == WindowStatus.ACTIVE;
            Instant previousStart = window.startsAt();
            applyChanges(window, request, ofFilm);
            if (wasOpen && !window.startsAt().equals(previousStart)) {
                throw new InvalidField("startsAt", "an open window's start cannot move");
            }
            window.checkConsistent();
            List<ReleaseWindow> moved = previousStart.equals(window.startsAt()) ? List.of()
                    : followers(window, ofFilm);
            for (ReleaseWindow changed : concat(window, moved)) {
                requireNoConflict(changed, ofFilm);
            }
            window.touched(clock.instant());
            moved.forEach(w -> w.touched(clock.instant()));
            // flush now so a concurrent change surfaces as a version conflict inside this request
            windows.flush();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("version", readVersion);
            details.put("change", request);
            details.put("movedDependents", moved.stream().map(ReleaseWindow::id).toList());
            audit.record("window.updated", target(window), details);
            if (wasOpen) {
                events.updated(window);
            }
            publisher.publishEvent(new WindowsChanged(Set.of(filmId)));
            return WindowView.of(window);
        });
    }

    public WindowView cancel(UUID windowId, String reason) {
        return transactions.execute(status -> {
            UUID filmId = filmOf(windowId);
            lockFilm(filmId);
            ReleaseWindow window = windows.findWithPrices(windowId).orElseThrow(() -> new WindowNotFound(windowId));
            boolean wasOpen = window.cancel(reason, clock.instant());
            windows.flush();
            audit.record("window.cancelled", target(window), Map.of("reason", reason, "wasOpen", wasOpen));
            if (wasOpen) {
                events.cancelled(window);
            }
            publisher.publishEvent(new WindowsChanged(Set.of(filmId)));
            return WindowView.of(window);
        });
    }

    public WindowView get(UUID windowId) {
        return windows.findWithPrices(windowId).map(WindowView::of).orElseThrow(() -> new WindowNotFound(windowId));
    }

    /** The film's windows, oldest start first. Admins see any film's; a creator only their own films'. */
    public List<WindowView> ofFilm(UUID filmId, CurrentUser caller) {
        if (!caller.isAdmin()) {
            FilmCatalog.CatalogFilm film = catalog.require(filmId);
            if (!caller.userId().equals(film.creatorId())) {
                throw new NotFilmOwner(filmId);
            }
        }
        return windows.findAllOfFilm(filmId).stream()
                .sorted(Comparator.comparing(ReleaseWindow::startsAt).thenComparing(ReleaseWindow::id))
                .map(WindowView::of).toList();
    }

    private void applyChanges(ReleaseWindow window, UpdateWindowRequest request, List<ReleaseWindow> ofFilm) {
        if (request.worldwide() != null || request.territories() != null || request.excludedTerritories() != null) {
            TerritoryScope current = window.scope();
            boolean worldwide = request.worldwide() != null ? request.worldwide() : current.worldwide();
            TerritoryScope scope = TerritoryScope.of(worldwide,
                    request.territories() != null ? request.territories()
                            : worldwide ? List.of() : current.sortedTerritories(),
                    request.excludedTerritories() != null ? request.excludedTerritories()
                            : worldwide ? current.sortedExcluded() : List.of());
            window.cover(scope);
        }
        if (request.startsAt() != null) {
            window.startAt(request.startsAt(), null);
        } else if (request.startsRelativeTo() != null) {
            ReleaseWindow anchor = anchorFor(window.filmId(), window.id(), request.startsRelativeTo());
            requireNoCycle(window.id(), anchor, ofFilm);
            window.startAt(anchor.startsAt().plus(Duration.ofDays(request.startsRelativeTo().offsetDays())),
                    request.startsRelativeTo());
        }
        if (Boolean.TRUE.equals(request.openEnded())) {
            window.endAt(null);
        } else if (request.endsAt() != null) {
            window.endAt(request.endsAt());
        }
        if (request.exclusive() != null) {
            window.makeExclusive(request.exclusive());
        }
        if (request.prices() != null || request.rental() != null || request.ppv() != null
                || request.editionSize() != null) {
            WindowTerms current = window.terms();
            WindowTerms changed = new WindowTerms(
                    request.prices() != null ? WindowTerms.prices(request.prices()) : current.prices(),
                    request.rental() != null ? request.rental() : current.rental(),
                    request.ppv() != null ? request.ppv() : current.ppv(),
                    request.editionSize() != null ? request.editionSize() : current.editionSize());
            window.applyTerms(changed.validFor(window.type()));
        }
    }

    /**
     * Scheduled windows that start relative to this one (directly or through a chain) follow its
     * new start; open or past ones keep the start they opened at.
     */
    private List<ReleaseWindow> followers(ReleaseWindow moved, List<ReleaseWindow> ofFilm) {
        List<ReleaseWindow> result = new ArrayList<>();
        ArrayDeque<ReleaseWindow> queue = new ArrayDeque<>(List.of(moved));
        Set<UUID> seen = new HashSet<>(Set.of(moved.id()));
        while (!queue.isEmpty()) {
            ReleaseWindow anchor = queue.poll();
            for (ReleaseWindow w : ofFilm) {
                if (anchor.id().equals(w.anchorWindowId()) && w.status() == WindowStatus.SCHEDULED
                        && seen.add(w.id())) {
                    w.followAnchor(anchor.startsAt());
                    try {
                        w.checkConsistent();
                    } catch (InvalidField e) {
                        throw new InvalidAnchor(anchor.id(), "window " + w.id()
                                + " starts relative to it and would then start after its own end or PPV event");
                    }
                    result.add(w);
                    queue.add(w);
                }
            }
        }
        return result;
    }

    private ReleaseWindow anchorFor(UUID filmId, UUID selfId, RelativeStart relative) {
        ReleaseWindow anchor = windows.findById(relative.windowId())
                .orElseThrow(() -> new InvalidAnchor(relative.windowId(), "no such window"));
        if (!anchor.filmId().equals(filmId)) {
            throw new InvalidAnchor(relative.windowId(), "it belongs to another film");
        }
        if (anchor.status() == WindowStatus.CANCELLED) {
            throw new InvalidAnchor(relative.windowId(), "it was cancelled");
        }
        if (anchor.id().equals(selfId)) {
            throw new InvalidAnchor(relative.windowId(), "a window cannot start relative to itself");
        }
        return anchor;
    }

    private static void requireNoCycle(UUID selfId, ReleaseWindow anchor, List<ReleaseWindow> ofFilm) {
        Map<UUID, ReleaseWindow> byId = new HashMap<>();
        ofFilm.forEach(w -> byId.put(w.id(), w));
        ReleaseWindow step = anchor;
        for (int hops = 0; step != null && hops <= ofFilm.size(); hops++) {
            if (step.id().equals(selfId)) {
                throw new InvalidAnchor(anchor.id(), "that window already starts relative to this one");
            }
            step = step.anchorWindowId() == null ? null : byId.get(step.anchorWindowId());
        }
    }

    private static void requireNoConflict(ReleaseWindow window, List<ReleaseWindow> ofFilm) {
        List<UUID> conflicting = ofFilm.stream().filter(window::conflictsWith).map(ReleaseWindow::id).toList();
        if (!conflicting.isEmpty()) {
            throw new WindowOverlap(window.type(), conflicting);
        }
    }

    private static void requireOneStart(Instant startsAt, RelativeStart relative) {
        if ((startsAt == null) == (relative == null)) {
            throw new InvalidField("startsAt", "send either startsAt or startsRelativeTo (exactly one)");
        }
    }

    /** Read without loading the entity, so it is loaded fresh once the film's lock is held. */
    private UUID filmOf(UUID windowId) {
        return jdbc.queryForList("select film_id from windows where id = ?", UUID.class, windowId).stream()
                .findFirst().orElseThrow(() -> new WindowNotFound(windowId));
    }

    /** Serialises every change of one film's windows (released when the transaction ends). */
    private void lockFilm(UUID filmId) {
        long key = filmId.getMostSignificantBits() ^ filmId.getLeastSignificantBits();
        jdbc.query("select pg_advisory_xact_lock(?)", (RowCallbackHandler) rs -> { }, key);
    }

    private static List<ReleaseWindow> concat(ReleaseWindow first, List<ReleaseWindow> rest) {
        List<ReleaseWindow> all = new ArrayList<>(rest);
        all.add(0, first);
        return all;
    }

    private static String target(ReleaseWindow window) {
        return "window:" + window.id();
    }
}
