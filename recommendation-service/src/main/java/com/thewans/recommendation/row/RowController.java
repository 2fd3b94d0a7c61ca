package com.thewans.recommendation.row;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.common.security.CurrentUser;
import com.thewans.common.web.ProblemAnswers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The rows of a home screen. Every row is for the caller (or, for admins, the viewer named by
 * {@code userId}), filtered to what may be watched now in their territory at their profile's
 * maturity, each film with its offers and a reason.
 */
@RestController
@RequestMapping("/api/recommend")
@Tag(name = "Recommendations", description = "Rows for a home screen, each film with a reason: for you, because you"
        + " watched, similar, trending, latest, continue watching, genre rows")
@ApiResponse(responseCode = "400", description = "A page, size, row count or genre slug out of bounds (`validation-failed`)",
        content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
@ApiResponse(responseCode = "403", description = "Another viewer's rows, and the caller is no admin"
        + " (`rows-of-another-viewer`)",
        content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
@ApiResponse(responseCode = "422", description = "Neither the edge nor the profile says where the viewer is"
        + " (`territory-unknown`)",
        content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
class RowController {

    private final Rows rows;
    private final Audiences audiences;

    RowController(Rows rows, Audiences audiences) {
        this.rows = rows;
        this.audiences = audiences;
    }

    @GetMapping("/for-you")
    @Operation(summary = "For you: films like the ones the viewer watched, in genres and languages they favour,"
            + " popular here, spread across genres; nothing they finished. New viewers: popular here in their language")
    RowView forYou(@Parameter(description = "whose rows (admins only; default: the caller)")
            @RequestParam(required = false) UUID userId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal CurrentUser caller,
            HttpServletRequest request) {
        return rows.forYou(audiences.of(caller, userId, request), page, size);
    }

    @GetMapping("/because-you-watched")
    @Operation(summary = "\"Because you watched X\" rows for the viewer's most recent films (rows 1..10)")
    List<RowView> becauseYouWatched(@RequestParam(required = false) UUID userId,
            @RequestParam(defaultValue = "3") int rows, @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CurrentUser caller, HttpServletRequest request) {
        return this.rows.becauseYouWatched(audiences.of(caller, userId, request), rows, size);
    }

    @GetMapping("/similar/{filmId}")
    @Operation(summary = "Films like this one: watched by the same viewers, or alike in genres, language and creator")
    @ApiResponse(responseCode = "404", description = "No such film (`film-not-found`)",
            content = @Content(mediaType = ProblemAnswers.MEDIA_TYPE, schema = @Schema(ref = ProblemAnswers.SCHEMA)))
    RowView similar(@PathVariable UUID filmId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal CurrentUser caller,
            HttpServletRequest request) {
        return rows.similar(filmId, audiences.of(caller, null, request), page, size);
    }

    @GetMapping("/trending")
    @Operation(summary = "Trending in the viewer's territory: views with a half-life (trendingHalfLife), most first")
    RowView trending(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CurrentUser caller, HttpServletRequest request) {
        return rows.trending(audiences.of(caller, null, request), page, size);
    }

    @GetMapping("/latest")
    @Operation(summary = "The newest releases watchable in the viewer's territory, newest first")
    RowView latest(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @AuthenticationPrincipal CurrentUser caller, HttpServletRequest request) {
        return rows.latest(audiences.of(caller, null, request), page, size);
    }

    @GetMapping("/continue-watching")
    @Operation(summary = "Films the viewer started and has not finished, most recent first, with where they stopped")
    RowView continueWatching(@RequestParam(required = false) UUID userId, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal CurrentUser caller,
            HttpServletRequest request) {
        return rows.continueWatching(audiences.of(caller, userId, request), page, size);
    }

    @GetMapping("/genres/{genre}")
    @Operation(summary = "Top in a genre (its slug, e.g. drama) in the viewer's territory, most popular first")
    RowView genre(@PathVariable String genre, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal CurrentUser caller,
            HttpServletRequest request) {
        return rows.genre(genre, audiences.of(caller, null, request), page, size);
    }
}
