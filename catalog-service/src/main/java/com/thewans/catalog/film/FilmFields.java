package com.thewans.catalog.film;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a creator writes about a film: the body of {@code POST /api/films} and, after a merge patch
 * is applied, of {@code PATCH}. Genres are named by slug or id.
 */
public record FilmFields(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 200) String originalTitle,
        @Size(max = 5000) String synopsis,
        @Min(1) @Max(1440) Integer runtimeMinutes,
        @Min(1888) @Max(2100) Integer releaseYear,
        @Size(max = 30) List<@NotNull @Pattern(regexp = "^[A-Z]{2}$",
                message = "must be an ISO 3166-1 alpha-2 code such as PG") String> countries,
        @Size(max = 20) List<@NotNull @Pattern(regexp = "^[a-z]{2,3}$",
                message = "must be an ISO 639 code such as en or tpi") String> languages,
        @NotNull MaturityRating maturityRating,
        @NotEmpty @Size(max = 5) List<@NotBlank @Size(max = 60) String> genres,
        @Valid Credits credits) {

    /** The field names a merge patch may touch (plus {@code version}). */
    static final List<String> NAMES = List.of("title", "originalTitle", "synopsis", "runtimeMinutes", "releaseYear",
            "countries", "languages", "maturityRating", "genres", "credits");

    public FilmFields {
        countries = countries == null ? List.of() : countries.stream().distinct().toList();
        languages = languages == null ? List.of() : languages.stream().distinct().toList();
        credits = credits == null ? Credits.NONE : credits;
        title = title == null ? null : title.strip();
        originalTitle = originalTitle == null || originalTitle.isBlank() ? null : originalTitle.strip();
        synopsis = synopsis == null || synopsis.isBlank() ? null : synopsis.strip();
    }
}
