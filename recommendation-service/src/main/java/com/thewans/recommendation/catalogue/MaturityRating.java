package com.thewans.recommendation.catalogue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Catalog's maturity ratings, mildest first (identity's profile limit uses the same names). */
public enum MaturityRating {
    G, PG, M, MA15, R18;

    /** Every rating a profile limited to this one may see. */
    public List<String> andMilder() {
        return Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).map(Enum::name).toList();
    }

    public static Optional<MaturityRating> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
