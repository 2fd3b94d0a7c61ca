package com.thewans.catalog.genre;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.thewans.catalog.film.Access;
import com.thewans.common.security.CurrentUser;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
class GenreController {

    record NewGenre(@Size(max = 60) @Pattern(regexp = "^[a-z0-9]+(-[a-z0-9]+)*$",
            message = "must be lower-case words joined by hyphens") String slug,
            @NotBlank @Size(max = 80) String name) {
    }

    record GenreRename(@NotBlank @Size(max = 80) String name) {
    }

    private final Genres genres;

    GenreController(Genres genres) {
        this.genres = genres;
    }

    @GetMapping("/api/genres")
    List<Genre> all() {
        return genres.all();
    }

    @GetMapping("/api/genres/{idOrSlug}")
    Genre one(@PathVariable String idOrSlug) {
        return genres.get(idOrSlug);
    }

    @PostMapping("/api/genres")
    @ResponseStatus(HttpStatus.CREATED)
    Genre create(@AuthenticationPrincipal CurrentUser user, @Valid @RequestBody NewGenre request) {
        Access.requireAdmin(user);
        return genres.create(request.slug(), request.name());
    }

    @PatchMapping("/api/genres/{idOrSlug}")
    Genre rename(@AuthenticationPrincipal CurrentUser user, @PathVariable String idOrSlug,
            @Valid @RequestBody GenreRename request) {
        Access.requireAdmin(user);
        return genres.rename(idOrSlug, request.name());
    }

    @DeleteMapping("/api/genres/{idOrSlug}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser user, @PathVariable String idOrSlug) {
        Access.requireAdmin(user);
        genres.delete(idOrSlug);
    }
}
