package com.thewans.rights.entitlement;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An admin's grant. FESTIVAL_PASS: the festival windows it opens (each to its film, for the
 * window's time unless validUntil is earlier). COMPLIMENTARY: the films, until validUntil (or
 * for good). The note says why; it is kept and audited.
 */
public record AdminGrantRequest(
        @NotNull UUID userId,
        @NotNull Kind kind,
        @Size(max = 100) List<@NotNull UUID> windowIds,
        @Size(max = 100) List<@NotNull UUID> filmIds,
        Instant validUntil,
        @NotBlank @Size(max = 500) String note) {

    public enum Kind { FESTIVAL_PASS, COMPLIMENTARY }
}
