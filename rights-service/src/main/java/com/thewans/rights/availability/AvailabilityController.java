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

/** Public: what a viewer in a territory can do with a film right now. */
@RestController
@RequestMapping("/api/availability")
class AvailabilityController {

    private final AvailabilityService availability;

    AvailabilityController(AvailabilityService availability) {
        this.availability = availability;
    }

    @GetMapping("/{filmId}")
    Availability ofFilm(@PathVariable UUID filmId, @RequestParam(required = false) String territory) {
        return availability.forFilm(filmId, territory);
    }

    @PostMapping("/bulk")
    BulkAvailability ofFilms(@Valid @RequestBody BulkAvailabilityRequest request) {
        return availability.forFilms(request.filmIds(), request.territory());
    }
}
