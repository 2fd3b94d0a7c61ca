package com.thewans.catalog.film;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** ISO 3166-1 alpha-2 territories and the languages a film may be in. */
public final class IsoCodes {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /**
     * ISO 639-1 codes, plus ISO 639-3 codes of languages of the Pacific that have no two-letter
     * code (Tok Pisin, Hiri Motu's 639-3 form, Pijin, Tetum, Kiribati, Tuvaluan, Niuean, ...).
     */
    private static final Set<String> LANGUAGES = Stream.concat(Stream.of(Locale.getISOLanguages()),
            Stream.of("tpi", "hmo", "pis", "bis", "tet", "gil", "tvl", "niu", "rar", "pau", "cha", "mah", "nau",
                    "yap", "pon", "chk", "kos", "wls", "fud", "tkl", "pih", "rap", "enga", "kud", "mek")
                    .filter(code -> code.length() == 3))
            .collect(Collectors.toUnmodifiableSet());

    private IsoCodes() {
    }

    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }

    public static boolean isLanguage(String code) {
        return code != null && LANGUAGES.contains(code);
    }
}
