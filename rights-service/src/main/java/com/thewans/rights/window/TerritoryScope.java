package com.thewans.rights.window;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import com.thewans.common.problem.InvalidField;

/**
 * Where a window applies: a list of territories, or the whole world minus some. Codes are
 * ISO 3166-1 alpha-2.
 */
public record TerritoryScope(boolean worldwide, Set<String> territories, Set<String> excluded) {

    private static final Set<String> ISO_CODES = Set.of(Locale.getISOCountries());
    static final int MAX_CODES = 250;

    public TerritoryScope {
        territories = Set.copyOf(territories);
        excluded = Set.copyOf(excluded);
    }

    /** Validates and normalises what a request sent, naming the offending field. */
    static TerritoryScope of(boolean worldwide, Collection<String> territories, Collection<String> excluded) {
        Set<String> in = codes("territories", territories);
        Set<String> out = codes("excludedTerritories", excluded);
        if (worldwide && !in.isEmpty()) {
            throw new InvalidField("territories", "must be empty for a worldwide window (list exclusions instead)");
        }
        if (!worldwide && in.isEmpty()) {
            throw new InvalidField("territories", "must name at least one territory unless the window is worldwide");
        }
        if (!worldwide && !out.isEmpty()) {
            throw new InvalidField("excludedTerritories", "only a worldwide window can exclude territories");
        }
        return new TerritoryScope(worldwide, in, out);
    }

    /** An ISO 3166-1 alpha-2 code from a query parameter, upper-cased. */
    public static String territory(String field, String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidField(field, "is required: an ISO 3166-1 alpha-2 code such as PG");
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        if (!ISO_CODES.contains(upper)) {
            throw new InvalidField(field, "must be an ISO 3166-1 alpha-2 code such as PG");
        }
        return upper;
    }

    public boolean covers(String territory) {
        return worldwide ? !excluded.contains(territory) : territories.contains(territory);
    }

    /** Whether some territory is in both scopes. */
    public boolean overlaps(TerritoryScope other) {
        if (worldwide && other.worldwide) {
            return true;    // the world minus two finite lists is never empty
        }
        if (!worldwide) {
            return territories.stream().anyMatch(other::covers);
        }
        return other.territories.stream().anyMatch(this::covers);
    }

    public List<String> sortedTerritories() {
        return List.copyOf(new TreeSet<>(territories));
    }

    public List<String> sortedExcluded() {
        return List.copyOf(new TreeSet<>(excluded));
    }

    static TerritoryScope fromColumns(boolean worldwide, String[] territories, String[] excluded) {
        return new TerritoryScope(worldwide, Set.copyOf(Arrays.asList(territories)), Set.copyOf(Arrays.asList(excluded)));
    }

    private static Set<String> codes(String field, Collection<String> codes) {
        Set<String> result = new TreeSet<>();
        if (codes == null) {
            return result;
        }
        if (codes.size() > MAX_CODES) {
            throw new InvalidField(field, "must list at most " + MAX_CODES + " territories");
        }
        for (String code : codes) {
            if (code == null || !ISO_CODES.contains(code.trim().toUpperCase(Locale.ROOT))) {
                throw new InvalidField(field, "must contain only ISO 3166-1 alpha-2 codes such as PG; got " + safe(code));
            }
            result.add(code.trim().toUpperCase(Locale.ROOT));
        }
        return result;
    }

    private static String safe(String code) {
        if (code == null) {
            return "null";
        }
        String trimmed = code.length() > 8 ? code.substring(0, 8) + "..." : code;
        return "'" + trimmed.replaceAll("[^A-Za-z0-9 ]", "?") + "'";
    }
}
