package com.thewans.rights.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.thewans.rights.window.ReleaseWindow;
import com.thewans.rights.window.ReleaseWindowRepository;
import com.thewans.rights.window.TerritoryScope;

/** Availability of films in a territory, from the cache or with one query for all films missing from it. */
@Service
public class AvailabilityService {

    private final ReleaseWindowRepository windows;
    private final AvailabilityCache cache;
    private final Clock clock;

    AvailabilityService(ReleaseWindowRepository windows, AvailabilityCache cache, Clock clock) {
        this.windows = windows;
        this.cache = cache;
        this.clock = clock;
    }

    public Availability forFilm(UUID filmId, String territory) {
        return forFilms(List.of(filmId), territory).films().get(0);
    }

    public BulkAvailability forFilms(List<UUID> filmIds, String territoryCode) {
        String territory = TerritoryScope.territory("territory", territoryCode);
        List<UUID> unique = List.copyOf(new LinkedHashSet<>(filmIds));
        Map<UUID, AvailabilityCache.Cached> cached = cache.lookup(unique, territory);
        Map<UUID, Availability> answers = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID filmId : unique) {
            AvailabilityCache.Cached entry = cached.get(filmId);
            if (entry != null && entry.availability() != null) {
                answers.put(filmId, entry.availability());
            } else {
                missing.add(filmId);
            }
        }
        if (!missing.isEmpty()) {
            Instant now = clock.instant();
            Map<UUID, List<ReleaseWindow>> byFilm = windows.findAllOfFilms(missing).stream()
                    .collect(Collectors.groupingBy(ReleaseWindow::filmId));
            List<AvailabilityCache.Cached> fresh = new ArrayList<>();
            Map<UUID, Duration> ttls = new HashMap<>();
            for (UUID filmId : missing) {
                List<ReleaseWindow> ofFilm = byFilm.getOrDefault(filmId, List.of());
                Availability availability = AvailabilityRules.of(filmId, territory, ofFilm, now);
                answers.put(filmId, availability);
                AvailabilityCache.Cached entry = cached.get(filmId);
                if (entry != null) {
                    fresh.add(new AvailabilityCache.Cached(filmId, entry.generation(), availability));
                    ttls.put(filmId, ttl(ofFilm, now));
                }
            }
            cache.store(fresh, ttls);
        }
        return new BulkAvailability(territory, filmIds.stream().distinct().map(answers::get).toList());
    }

    /** Five minutes, or less when a window opens or closes sooner, so no answer outlives the truth. */
    private static Duration ttl(List<ReleaseWindow> windows, Instant now) {
        Instant next = AvailabilityRules.nextChange(windows, now);
        if (next == null) {
            return AvailabilityCache.TTL;
        }
        Duration untilChange = Duration.between(now, next);
        if (untilChange.compareTo(Duration.ofSeconds(1)) < 0) {
            return Duration.ofSeconds(1);
        }
        return untilChange.compareTo(AvailabilityCache.TTL) < 0 ? untilChange : AvailabilityCache.TTL;
    }
}
