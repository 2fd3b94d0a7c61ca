package com.thewans.recommendation.row;

import java.util.Set;
import java.util.UUID;

import com.thewans.recommendation.catalogue.MaturityRating;

/** Whom a row is for: the viewer, where they watch, the maturity they may see, what their profile states. */
record Audience(UUID userId, String territory, MaturityRating maturity, Set<String> languages, Set<String> genres) {

    /** What shared rows (the same for everyone here at this maturity) are cached by. */
    String scope() {
        return territory + ":" + maturity;
    }
}
