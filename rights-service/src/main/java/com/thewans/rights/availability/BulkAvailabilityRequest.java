package com.thewans.rights.availability;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Up to 100 films for one territory (a catalogue page, a search result). */
public record BulkAvailabilityRequest(@NotEmpty @Size(max = 100) List<@NotNull UUID> filmIds, String territory) {
}
