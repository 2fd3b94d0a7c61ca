package com.thewans.advertising.film;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A film as advertising sees it: what campaigns target (genres, maturity, languages) and where its
 * breaks may go. Cue points are the creator's; without them a mid-roll falls every N minutes.
 */
public record AdFilm(UUID filmId, UUID creatorId, String title, String status, Integer runtimeMinutes,
        List<String> genres, String maturityRating, List<String> languages, List<Integer> cuePointsSeconds) {

    /** No mid-roll this close to either end: nobody wants an ad in the opening or closing minutes. */
    static final int EDGE_SECONDS = 120;

    public AdFilm {
        genres = genres == null ? List.of() : List.copyOf(genres);
        languages = languages == null ? List.of() : List.copyOf(languages);
        cuePointsSeconds = cuePointsSeconds == null ? null : List.copyOf(cuePointsSeconds);
    }

    public int runtimeSeconds() {
        return runtimeMinutes == null ? 0 : runtimeMinutes * 60;
    }

    /** Where the mid-rolls go, in seconds: the creator's cue points, or every {@code every} of the runtime. */
    public List<Integer> midRolls(Duration every) {
        if (cuePointsSeconds != null) {
            return cuePointsSeconds;
        }
        List<Integer> at = new ArrayList<>();
        int step = (int) every.toSeconds();
        for (int s = step; s <= runtimeSeconds() - EDGE_SECONDS; s += step) {
            at.add(s);
        }
        return at;
    }
}
