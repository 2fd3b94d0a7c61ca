package com.thewans.notification.contact;

import java.util.List;
import java.util.Locale;

import com.thewans.common.problem.InvalidField;

/**
 * Who an announcement goes to: everyone this service knows, the users of one territory, or the
 * users who read one language. Exactly one of the three.
 */
public record Segment(Boolean all, String territory, String language) {

    public Segment {
        int named = (Boolean.TRUE.equals(all) ? 1 : 0) + (territory != null ? 1 : 0) + (language != null ? 1 : 0);
        if (named != 1) {
            throw new InvalidField("segment", "name exactly one of all (true), territory or language");
        }
        if (territory != null && !territory.matches("[A-Za-z]{2}")) {
            throw new InvalidField("segment.territory", "must be an ISO 3166-1 alpha-2 code");
        }
        if (language != null && !language.matches("[a-z]{2,3}")) {
            throw new InvalidField("segment.language", "must be an ISO 639 code such as en or tpi");
        }
        territory = territory == null ? null : territory.toUpperCase(Locale.ROOT);
    }

    /** The SQL condition on {@code contacts} and its arguments. */
    String where() {
        if (territory != null) {
            return "territory = ?";
        }
        if (language != null) {
            return "language = ?";
        }
        return "true";
    }

    List<Object> arguments() {
        if (territory != null) {
            return List.of(territory);
        }
        if (language != null) {
            return List.of(language);
        }
        return List.of();
    }
}
