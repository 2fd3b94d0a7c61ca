package com.thewans.rights.availability;

import java.util.List;

/** The availability of each requested film, in the order asked. */
public record BulkAvailability(String territory, List<Availability> films) {
}
