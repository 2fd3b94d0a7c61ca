package com.thewans.identity.profile;

import java.util.Set;

/** Languages THE WANS offers its interface and subtitles in (ISO 639 codes). */
final class Language {

    /**
     * English, Tok Pisin, Hiri Motu, Fijian, Samoan, Tongan, Bislama, French, Maori, Tahitian,
     * Fiji Hindi, Solomons Pijin.
     */
    static final Set<String> SUPPORTED = Set.of("en", "tpi", "ho", "fj", "sm", "to", "bi", "fr", "mi", "ty", "hif",
            "pis");
    static final String DEFAULT = "en";

    private Language() {
    }
}
