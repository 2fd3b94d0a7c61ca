package com.thewans.catalog.film;

import java.util.List;

/**
 * What a caller asked of the film list: the query parameters of {@code GET /api/films}, checked
 * one by one by bean validation at the controller; the rules across them live in
 * {@link FilmBrowsing}.
 */
record FilmListRequest(String q, String genre, Integer yearFrom, Integer yearTo, String language, String country,
        List<MaturityRating> maturity, WindowType availableAs, String territory, String sort, boolean mine,
        FilmStatus status, int page, int size) {

    /** Release window types, as rights-service names them. */
    enum WindowType { FESTIVAL, CINEMA, COLLECTOR, PVOD, PPV, TVOD, SVOD, AVOD }
}
