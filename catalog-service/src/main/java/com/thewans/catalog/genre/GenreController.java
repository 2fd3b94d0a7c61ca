package com.thewans.catalog.genre;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;


import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@Tag(name = "Genres", description = "The genres films are filed under, curated by admins; anyone may read them.")
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
    @Operation(summary = "List every genre, by name")
    List<Genre> all() {
        return genres.all();
    }

    @GetMapping("/api/genres/{idOrSlug}")
    @Operation(summary = "Read one genre by id or slug")
    Genre one(@PathVariable String idOrSlug) {
        return genres.get(idOrSlug);
    }

    @PostMapping("/api/genres")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Add a genre (admins); the slug is made from the name when not given")
    Genre create(@Valid @RequestBody NewGenre request) {
        return genres.create(request.slug(), request.name());
    }

    @PatchMapping("/api/genres/{idOrSlug}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Rename a genre (admins); its slug stays, so links keep working")
    Genre rename(@PathVariable String idOrSlug, @Valid @RequestBody GenreRename request) {
        return genres.rename(idOrSlug, request.name());
    }

    @DeleteMapping("/api/genres/{idOrSlug}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Delete a genre no film is filed under (admins)")
    void delete(@PathVariable String idOrSlug) {
        genres.delete(idOrSlug);
    }
}
