package com.thewans.advertising.film;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.advertising.AdSettings;
import com.thewans.common.problem.InvalidField;
import com.thewans.common.problem.Problems;
import com.thewans.common.security.CurrentUser;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@Tag(name = "Ad breaks", description = "Where a film's mid-rolls go: its creator's cue points, or every N minutes")
class FilmBreaksController {

    private final AdFilms films;
    private final AdSettings settings;

    FilmBreaksController(AdFilms films, AdSettings settings) {
        this.films = films;
        this.settings = settings;
    }

    @GetMapping("/api/ads/films/{filmId}/breaks")
    @Operation(summary = "Read where the film's mid-rolls go")
    CuePointsView breaks(@PathVariable UUID filmId) {
        AdFilm film = films.find(filmId).orElseThrow(() -> new FilmNotKnown(filmId));
        return view(film);
    }

    @PutMapping("/api/ads/films/{filmId}/breaks")
    @Operation(summary = "Set the film's cue points (its creator or an admin); null goes back to every N minutes")
    CuePointsView setBreaks(@PathVariable UUID filmId, @Valid @RequestBody CuePointsRequest request,
            @AuthenticationPrincipal CurrentUser user) {
        AdFilm film = films.find(filmId).orElseThrow(() -> new FilmNotKnown(filmId));
        if (!user.isAdmin() && !user.userId().equals(film.creatorId())) {
            throw new NotFilmOwner(filmId);
        }
        List<Integer> cues = request.cuePointsSeconds() == null ? null : checked(request.cuePointsSeconds(), film);
        films.setCuePoints(filmId, cues);
        return view(films.find(filmId).orElseThrow());
    }

    private CuePointsView view(AdFilm film) {
        return new CuePointsView(film.filmId(), film.runtimeMinutes(), film.cuePointsSeconds() != null,
                film.midRolls(settings.midRollEvery()));
    }

    private static List<Integer> checked(List<Integer> seconds, AdFilm film) {
        List<Problems.FieldError> errors = new ArrayList<>();
        TreeSet<Integer> sorted = new TreeSet<>();
        for (Integer s : seconds) {
            if (s == null || s <= 0) {
                errors.add(new Problems.FieldError("cuePointsSeconds", "cue points are seconds after the start"));
            } else if (film.runtimeSeconds() > 0 && s >= film.runtimeSeconds()) {
                errors.add(new Problems.FieldError("cuePointsSeconds", s + " s is not before the film's end ("
                        + film.runtimeSeconds() + " s)"));
            } else if (!sorted.add(s)) {
                errors.add(new Problems.FieldError("cuePointsSeconds", s + " s is named twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidField(errors);
        }
        return List.copyOf(sorted);
    }
}
