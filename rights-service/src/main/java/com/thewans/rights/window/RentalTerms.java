package com.thewans.rights.window;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** TVOD rental terms: start watching within so many days of paying, then finish within so many hours. */
public record RentalTerms(@Min(1) @Max(365) Integer startWithinDays, @Min(1) @Max(720) Integer watchWithinHours) {

    public static final int DEFAULT_START_WITHIN_DAYS = 30;
    public static final int DEFAULT_WATCH_WITHIN_HOURS = 48;

    public static RentalTerms defaults() {
        return new RentalTerms(DEFAULT_START_WITHIN_DAYS, DEFAULT_WATCH_WITHIN_HOURS);
    }

    RentalTerms withDefaults() {
        return new RentalTerms(startWithinDays == null ? DEFAULT_START_WITHIN_DAYS : startWithinDays,
                watchWithinHours == null ? DEFAULT_WATCH_WITHIN_HOURS : watchWithinHours);
    }
}
