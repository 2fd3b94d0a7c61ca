package com.thewans.advertising.campaign;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.thewans.common.problem.InvalidField;
import com.thewans.common.problem.Problems;

/**
 * Turns an admin's targeting into a {@link Targeting}, refusing codes that do not exist with the field
 * that named them.
 */
@Component
class TargetingRules {

    static final Set<String> MATURITY = Set.of("G", "PG", "M", "MA15", "R18");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES_2 = Set.of(Locale.getISOLanguages());
    private static final Pattern LANGUAGE_3 = Pattern.compile("[a-z]{3}");
    private static final Pattern DAYPART = Pattern.compile("(\\d{2}:\\d{2})-(\\d{2}:\\d{2})");

    private final GenreCatalog genres;

    TargetingRules(GenreCatalog genres) {
        this.genres = genres;
    }

    Targeting of(TargetingRequest request) {
        if (request == null) {
            return new Targeting(null, null, null, null, null, null);
        }
        List<Problems.FieldError> errors = new ArrayList<>();
        Set<String> territories = new LinkedHashSet<>();
        for (String t : list(request.territories())) {
            String code = t == null ? "" : t.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(code)) {
                errors.add(new Problems.FieldError("targeting.territories", "'" + t
                        + "' is not an ISO 3166-1 alpha-2 country code"));
            }
            territories.add(code);
        }
        Set<String> wantedGenres = new LinkedHashSet<>(list(request.genres()));
        if (!wantedGenres.isEmpty()) {
            Set<String> known = genres.slugs();
            for (String g : wantedGenres) {
                if (!known.contains(g)) {
                    errors.add(new Problems.FieldError("targeting.genres", "'" + g
                            + "' is not a genre of the catalogue"));
                }
            }
        }
        Set<String> ratings = new LinkedHashSet<>();
        for (String r : list(request.maturityRatings())) {
            if (!MATURITY.contains(r)) {
                errors.add(new Problems.FieldError("targeting.maturityRatings", "'" + r
                        + "' is not a rating (G, PG, M, MA15, R18)"));
            }
            ratings.add(r);
        }
        Set<String> languages = new LinkedHashSet<>();
        for (String l : list(request.languages())) {
            String code = l == null ? "" : l.toLowerCase(Locale.ROOT);
            // ISO 639-1, or 639-3 for languages without a two-letter code (Tok Pisin is tpi), as catalog has them
            if (!LANGUAGES_2.contains(code) && !LANGUAGE_3.matcher(code).matches()) {
                errors.add(new Problems.FieldError("targeting.languages", "'" + l
                        + "' is not an ISO 639 language code"));
            }
            languages.add(code);
        }
        Set<DeviceType> devices = new LinkedHashSet<>();
        for (String d : list(request.deviceTypes())) {
            try {
                devices.add(DeviceType.valueOf(d));
            } catch (IllegalArgumentException | NullPointerException e) {
                errors.add(new Problems.FieldError("targeting.deviceTypes", "'" + d + "' is not WEB, MOBILE or TV"));
            }
        }
        List<Daypart> dayparts = new ArrayList<>();
        for (String d : list(request.dayparts())) {
            var m = d == null ? null : DAYPART.matcher(d);
            try {
                if (m == null || !m.matches()) {
                    throw new IllegalArgumentException();
                }
                dayparts.add(new Daypart(LocalTime.parse(m.group(1)), LocalTime.parse(m.group(2))));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                errors.add(new Problems.FieldError("targeting.dayparts", "'" + d
                        + "' is not a daypart such as 18:00-23:00 (viewer's local time)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidField(errors);
        }
        return new Targeting(territories, wantedGenres, ratings, languages, devices, dayparts);
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values;
    }
}
