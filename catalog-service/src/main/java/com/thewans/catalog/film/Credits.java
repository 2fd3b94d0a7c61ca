package com.thewans.catalog.film;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Who made the film and who is in it. */
public record Credits(
        @Size(max = 20) List<@NotNull @Valid Person> directors,
        @Size(max = 200) List<@NotNull @Valid CastMember> cast,
        @Size(max = 50) List<@NotNull @Valid Person> producers) {

    public static final Credits NONE = new Credits(List.of(), List.of(), List.of());

    public Credits {
        directors = directors == null ? List.of() : directors;
        cast = cast == null ? List.of() : cast;
        producers = producers == null ? List.of() : producers;
    }

    public record Person(@NotBlank @Size(max = 120) String name) {
    }

    public record CastMember(@NotBlank @Size(max = 120) String name, @Size(max = 120) String character) {
    }
}
