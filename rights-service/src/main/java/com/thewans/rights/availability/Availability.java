package com.thewans.rights.availability;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a viewer in one territory can do with a film right now: the offers of the open windows,
 * what opens later, and if nothing can be streamed, why.
 *
 * @param available   some open window lets the viewer stream the film (free, subscription, rent, buy, PPV)
 * @param offers      one per open window covering the territory
 * @param upcoming    windows covering the territory that open later, soonest first
 * @param unavailable why nothing can be streamed now (null when {@code available})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Availability(UUID filmId, String territory, Instant asOf, boolean available, List<Offer> offers,
        List<Offer> upcoming, Reason unavailable) {

    public enum ReasonCode {
        NO_WINDOW_IN_TERRITORY, WINDOW_EXPIRED, NOT_YET_OPEN, NOT_STREAMABLE_YET
    }

    public record Reason(ReasonCode code, String detail) {
    }
}
