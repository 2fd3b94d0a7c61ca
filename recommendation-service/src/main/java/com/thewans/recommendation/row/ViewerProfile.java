package com.thewans.recommendation.row;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.thewans.recommendation.catalogue.MaturityRating;

/**
 * Recommendation's small view of identity's profile (tolerant reader: other fields are ignored):
 * where the viewer is, the language they read, the genres they said they like, their maturity
 * limit. Kept in Redis with the time it was read, so an identity outage serves the last copy.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ViewerProfile(String country, String language, List<String> preferredGenres, String maturityLimit,
        Instant readAt) {

    ViewerProfile {
        preferredGenres = preferredGenres == null ? List.of() : preferredGenres;
    }

    static ViewerProfile none(String unknownMaturity, Instant now) {
        return new ViewerProfile(null, null, List.of(), unknownMaturity, now);
    }

    ViewerProfile readAt(Instant at) {
        return new ViewerProfile(country, language, preferredGenres, maturityLimit, at);
    }

    /** The profile's limit; a limit this service cannot read counts as the strictest. */
    MaturityRating maturity() {
        return maturityLimit == null ? MaturityRating.R18 : MaturityRating.parse(maturityLimit).orElse(MaturityRating.G);
    }

    Set<String> languages() {
        return language == null || language.isBlank() ? Set.of() : Set.of(language.toLowerCase(Locale.ROOT));
    }

    /** Genre names as catalog's slugs ("Pacific Stories" is pacific-stories). */
    Set<String> genres() {
        return preferredGenres.stream().filter(g -> g != null && !g.isBlank())
                .map(g -> g.trim().toLowerCase(Locale.ROOT).replace(' ', '-')).collect(Collectors.toSet());
    }
}
