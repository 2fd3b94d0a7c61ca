package com.thewans.catalog.genre;

import java.util.UUID;

/** A genre as films and clients see it. */
public record Genre(UUID id, String slug, String name) {
}
