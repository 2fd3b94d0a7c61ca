package com.thewans.advertising.decision;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import com.thewans.advertising.AdSettings;
import com.thewans.advertising.film.AdFilm;
import com.thewans.advertising.film.AdFilms;
import com.thewans.advertising.tracking.BeaconUrls;

/** What players ask for: a break's VAST, a session's VMAP, a later break's VAST by its signed URL. */
@Service
class AdServing {

    private final AdFilms films;
    private final AdDecisions decisions;
    private final BeaconUrls beacons;
    private final CreativeMedia media;
    private final BreakTokens breaks;
    private final AdSettings settings;
    private final Clock clock;

    AdServing(AdFilms films, AdDecisions decisions, BeaconUrls beacons, CreativeMedia media, BreakTokens breaks,
            AdSettings settings, Clock clock) {
        this.films = films;
        this.decisions = decisions;
        this.beacons = beacons;
        this.media = media;
        this.breaks = breaks;
        this.settings = settings;
        this.clock = clock;
    }

    /** A pod for this viewer and film now; the empty VAST when the film is unknown or nothing may play. */
    String vast(ViewerContext viewer, UUID filmId) {
        Optional<AdFilm> film = films.forDecision(filmId);
        if (film.isEmpty()) {
            return VastDocument.EMPTY;
        }
        return VastDocument.of(decisions.pod(viewer, film.get()), beacons, media::url);
    }

    /** The VAST of a later break, for the signed URL a VMAP named; empty for a URL that does not hold. */
    String breakVast(UUID filmId, String payload, String signature) {
        return breaks.verified(filmId, payload, signature, clock.instant())
                .map(b -> vast(b.viewer(), filmId)).orElse(VastDocument.EMPTY);
    }

    /**
     * The VMAP of a playback session: the pre-roll inline, a mid-roll at each cue point (or every N
     * minutes), the post-roll; later breaks by signed URL. A film advertising does not know yet gets
     * an empty VMAP (no breaks), never an error.
     */
    String vmap(ViewerContext viewer, UUID filmId, UUID sessionId) {
        Optional<AdFilm> found = films.forDecision(filmId);
        if (found.isEmpty()) {
            return VmapDocument.of(List.of());
        }
        AdFilm film = found.get();
        Instant now = clock.instant();
        Instant expires = now.plusSeconds(Math.max(film.runtimeSeconds(), 3600) * 2L).plus(settings.beaconTtl());
        List<VmapDocument.AdBreak> list = new ArrayList<>();
        var preroll = decisions.pod(viewer, film);
        if (!preroll.isEmpty()) {
            list.add(new VmapDocument.AdBreak("preroll", "start", VastDocument.embedded(preroll, beacons, media::url),
                    null));
        }
        int n = 0;
        for (int at : film.midRolls(settings.midRollEvery())) {
            String id = "midroll-" + (++n);
            list.add(new VmapDocument.AdBreak(id, VastDocument.clock(at * 1000L), null,
                    breaks.url(new BreakTokens.Break(viewer, filmId, sessionId, id, expires))));
        }
        list.add(new VmapDocument.AdBreak("postroll", "end", null,
                breaks.url(new BreakTokens.Break(viewer, filmId, sessionId, "postroll", expires))));
        return VmapDocument.of(list);
    }
}
