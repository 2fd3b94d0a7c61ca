package com.thewans.rights.availability;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Public: what a viewer in a territory can do with a film right now. */
@RestController
@RequestMapping("/api/availability")
@Tag(name = "Availability", description = "Public, no token needed: what a viewer in a territory can do with a film"
        + " right now (offers of the open windows, what opens later, or why nothing can be streamed)")
class AvailabilityController {

    private final AvailabilityService availability;

    AvailabilityController(AvailabilityService availability) {
        this.availability = availability;
    }

    @GetMapping("/{filmId}")
    @Operation(summary = "What a viewer in a territory (ISO 3166-1 alpha-2) can do with a film right now")
    Availability ofFilm(@PathVariable UUID filmId, @RequestParam(required = false) String territory) {
        return availability.forFilm(filmId, territory);
    }

    @PostMapping("/bulk")
    @Operation(summary = "Availability of up to 100 films in one territory, in the order asked")
    BulkAvailability ofFilms(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
                    value = """
                    {"filmIds": ["6f1c2a4e-8d3b-4b8a-9d57-1f0e2c3b4a59", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"],
                     "territory": "PG"}""")))
            @Valid @RequestBody BulkAvailabilityRequest request) {
        return availability.forFilms(request.filmIds(), request.territory());
    }
}
