package com.thewans.rights.entitlement;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.audit.AuditLog;
import com.thewans.common.problem.InvalidField;
import com.thewans.common.web.PageOf;
import com.thewans.rights.availability.Availability;
import com.thewans.rights.availability.AvailabilityRules;
import com.thewans.rights.window.ReleaseWindow;
import com.thewans.rights.window.ReleaseWindowRepository;
import com.thewans.rights.window.TerritoryScope;
import com.thewans.rights.window.WindowNotFound;
import com.thewans.rights.window.WindowStatus;
import com.thewans.rights.window.WindowType;

/** Who may watch what, until when: checks, the holder's list, rental starts and admin grants. */
@Service
public class EntitlementService {

    static final int MAX_PAGE_SIZE = 100;

    private final EntitlementRepository entitlements;
    private final ReleaseWindowRepository windows;
    private final EntitlementEvents events;
    private final AuditLog audit;
    private final EntitlementLedger ledger;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EntitlementService(EntitlementRepository entitlements, ReleaseWindowRepository windows, EntitlementEvents events,
            AuditLog audit, EntitlementLedger ledger, PlatformTransactionManager transactionManager, Clock clock) {
        this.entitlements = entitlements;
        this.windows = windows;
        this.events = events;
        this.audit = audit;
        this.ledger = ledger;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * In order: something the user holds for this film (bought, collector, complimentary,
     * festival pass, a running rental, a PPV ticket during the event) - held rights outlive the
     * window they were bought in; then a subscription if an SVOD window is open here; then an
     * open AVOD window, with ads.
     */
    public AccessCheck check(UUID userId, UUID filmId, String territoryCode) {
        String territory = TerritoryScope.territory("territory", territoryCode);
        Instant now = clock.instant();
        List<ReleaseWindow> ofFilm = windows.findAllOfFilm(filmId);
        List<Entitlement> held = entitlements.relevantTo(userId, filmId);
        List<ReleaseWindow> open = ofFilm.stream().filter(w -> w.isOpenAt(now) && w.scope().covers(territory))
                .toList();

        Optional<Entitlement> own = held.stream().filter(e -> e.coversFilmDirectly() && e.usableAt(now))
                .max(Comparator.comparing(EntitlementService::endOf));
        if (own.isPresent()) {
            Entitlement e = own.get();
            return allowed(userId, filmId, territory, now, false, e.kind().name(), e.windowId(), e.id(),
                    e.validUntil(), e.kind() == EntitlementKind.RENTAL && e.startedAt() == null ? e.startBy() : null);
        }
        Optional<ReleaseWindow> svod = firstOfType(open, WindowType.SVOD);
        Optional<Entitlement> subscription = held.stream()
                .filter(e -> e.kind() == EntitlementKind.SUBSCRIPTION && e.usableAt(now))
                .max(Comparator.comparing(EntitlementService::endOf));
        if (svod.isPresent() && subscription.isPresent()) {
            return allowed(userId, filmId, territory, now, false, "SUBSCRIPTION", svod.get().id(),
                    subscription.get().id(), earlier(subscription.get().validUntil(), svod.get().endsAt()), null);
        }
        Optional<ReleaseWindow> avod = firstOfType(open, WindowType.AVOD);
        if (avod.isPresent()) {
            return allowed(userId, filmId, territory, now, true, "AVOD", avod.get().id(), null, avod.get().endsAt(),
                    null);
        }
        return new AccessCheck(userId, filmId, territory, now, false, false, null, null, null, null, null,
                reasons(filmId, territory, ofFilm, open, held, now));
    }

    private static List<AccessCheck.Reason> reasons(UUID filmId, String territory, List<ReleaseWindow> ofFilm,
            List<ReleaseWindow> open, List<Entitlement> held, Instant now) {
        List<AccessCheck.Reason> reasons = new ArrayList<>();
        for (Entitlement e : held) {
            if (e.kind() == EntitlementKind.SUBSCRIPTION) {
                continue;
            }
            if (e.status() == Entitlement.Status.REVOKED) {
                reasons.add(new AccessCheck.Reason("ENTITLEMENT_REVOKED", "Your " + e.kind()
                        + " was revoked (" + e.revokeReason() + ")", e.windowId()));
            } else if (e.validFrom().isAfter(now)) {
                reasons.add(new AccessCheck.Reason(e.kind() == EntitlementKind.PPV_TICKET ? "PPV_NOT_STARTED"
                        : "ENTITLEMENT_NOT_YET_VALID", "Your " + e.kind() + " is valid from " + e.validFrom(),
                        e.windowId()));
            } else if (e.kind() == EntitlementKind.RENTAL) {
                reasons.add(new AccessCheck.Reason("RENTAL_EXPIRED", e.startedAt() == null
                        ? "Your rental had to be started by " + e.startBy()
                        : "Your rental's viewing time ended at " + e.validUntil(), e.windowId()));
            } else {
                reasons.add(new AccessCheck.Reason("ENTITLEMENT_EXPIRED", "Your " + e.kind() + " ended at "
                        + e.validUntil(), e.windowId()));
            }
        }
        for (ReleaseWindow w : open) {
            String code = switch (w.type()) {
                case SVOD -> "SUBSCRIPTION_REQUIRED";
                case TVOD -> "RENTAL_REQUIRED";
                case PVOD -> "PURCHASE_REQUIRED";
                case PPV -> "PPV_TICKET_REQUIRED";
                case COLLECTOR -> "COLLECTOR_EDITION_REQUIRED";
                case FESTIVAL -> "FESTIVAL_PASS_REQUIRED";
                case CINEMA -> "IN_CINEMAS_ONLY";
                case AVOD -> null;  // an open AVOD window would have allowed watching
            };
            if (code != null) {
                reasons.add(new AccessCheck.Reason(code, w.type() + " window open until "
                        + (w.endsAt() == null ? "further notice" : w.endsAt()), w.id()));
            }
        }
        if (open.isEmpty()) {
            Availability availability = AvailabilityRules.of(filmId, territory, ofFilm, now);
            if (availability.unavailable() != null) {
                reasons.add(new AccessCheck.Reason(availability.unavailable().code().name(),
                        availability.unavailable().detail(), null));
            }
        }
        return reasons;
    }

    public PageOf<EntitlementView> of(UUID userId, int page, int size) {
        Instant now = clock.instant();
        return PageOf.of(entitlements.findByUserId(userId, PageOf.request(page, size, MAX_PAGE_SIZE,
                Sort.by(Sort.Direction.DESC, "grantedAt").and(Sort.by("id")))), e -> EntitlementView.of(e, now));
    }

    /**
     * Playback reports the first play of a rental: from now the viewer has its watch hours. Only
     * the first report counts ({@link EntitlementLedger#startWatching}), later ones return the
     * rental unchanged.
     */
    public EntitlementView started(UUID id) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            ledger.startWatching(id, now);
            Entitlement e = entitlements.findById(id).orElseThrow(() -> new EntitlementNotFound(id));
            if (e.status() == Entitlement.Status.REVOKED) {
                throw new EntitlementConflict(id, "entitlement-revoked", "The entitlement was revoked ("
                        + e.revokeReason() + ")");
            }
            if (e.kind() == EntitlementKind.RENTAL && e.startedAt() == null) {
                throw new EntitlementConflict(id, "rental-expired", "The rental had to be started by "
                        + e.startBy());
            }
            return EntitlementView.of(e, now);
        });
    }

    public List<EntitlementView> grantByAdmin(AdminGrantRequest request, UUID adminId) {
        Instant now = clock.instant();
        if (request.validUntil() != null && !request.validUntil().isAfter(now)) {
            throw new InvalidField("validUntil", "must be in the future");
        }
        List<UUID> windowIds = request.windowIds() == null ? List.of() : request.windowIds().stream().distinct().toList();
        List<UUID> filmIds = request.filmIds() == null ? List.of() : request.filmIds().stream().distinct().toList();
        return transactions.execute(status -> {
            List<Entitlement> granted = new ArrayList<>();
            if (request.kind() == AdminGrantRequest.Kind.FESTIVAL_PASS) {
                if (windowIds.isEmpty() || !filmIds.isEmpty()) {
                    throw new InvalidField("windowIds", "a festival pass names its FESTIVAL windows (and no filmIds)");
                }
                Map<UUID, ReleaseWindow> found = new LinkedHashMap<>();
                windows.findAllById(windowIds).forEach(w -> found.put(w.id(), w));
                for (UUID windowId : windowIds) {
                    ReleaseWindow w = found.get(windowId);
                    if (w == null) {
                        throw new WindowNotFound(windowId);
                    }
                    if (w.type() != WindowType.FESTIVAL || w.status() == WindowStatus.CANCELLED
                            || w.status() == WindowStatus.EXPIRED) {
                        throw new InvalidField("windowIds", windowId + " is not a current FESTIVAL window");
                    }
                    granted.add(Entitlement.byAdmin(request.userId(), EntitlementKind.FESTIVAL_PASS, w.filmId(),
                            w.id(), w.startsAt(), earlier(request.validUntil(), w.endsAt()), adminId.toString(),
                            request.note().strip(), now));
                }
            } else {
                if (filmIds.isEmpty() || !windowIds.isEmpty()) {
                    throw new InvalidField("filmIds", "a complimentary grant names its films (and no windowIds)");
                }
                for (UUID filmId : filmIds) {
                    granted.add(Entitlement.byAdmin(request.userId(), EntitlementKind.COMPLIMENTARY, filmId, null,
                            now, request.validUntil(), adminId.toString(), request.note().strip(), now));
                }
            }
            entitlements.saveAll(granted);
            entitlements.flush();
            audit.record("entitlement.admin_granted", "user:" + request.userId(), Map.of("kind", request.kind(),
                    "entitlementIds", granted.stream().map(Entitlement::id).toList(), "note", request.note().strip()));
            granted.forEach(events::granted);
            return granted.stream().map(e -> EntitlementView.of(e, now)).toList();
        });
    }

    public EntitlementView revokeByAdmin(UUID id, String reason) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            Entitlement e = entitlements.findById(id).orElseThrow(() -> new EntitlementNotFound(id));
            if (!e.revoke(reason.strip(), now)) {
                throw new EntitlementConflict(id, "entitlement-revoked", "The entitlement was already revoked");
            }
            entitlements.flush();
            audit.record("entitlement.revoked", "user:" + e.userId(), Map.of("entitlementId", id, "reason",
                    reason.strip()));
            events.revoked(e);
            return EntitlementView.of(e, now);
        });
    }

    private AccessCheck allowed(UUID userId, UUID filmId, String territory, Instant now, boolean withAds, String via,
            UUID windowId, UUID entitlementId, Instant until, Instant startBy) {
        return new AccessCheck(userId, filmId, territory, now, true, withAds, via, windowId, entitlementId, until,
                startBy, List.of());
    }

    private static Optional<ReleaseWindow> firstOfType(List<ReleaseWindow> open, WindowType type) {
        return open.stream().filter(w -> w.type() == type)
                .max(Comparator.comparing(w -> w.endsAt() == null ? Instant.MAX : w.endsAt()));
    }

    private static Instant endOf(Entitlement e) {
        return e.validUntil() == null ? Instant.MAX : e.validUntil();
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
