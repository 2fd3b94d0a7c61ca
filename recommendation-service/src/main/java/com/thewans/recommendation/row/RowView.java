package com.thewans.recommendation.row;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One row of a home screen, one page of it: which row, its heading ("Top in Drama in PG"), the
 * territory it was filtered for, the films, and where the page is. Trending states its half-life.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowView(String row, String title, String territory, List<RecommendedFilm> items, int page, int size,
        long totalItems, int totalPages, Duration trendingHalfLife) {
}
