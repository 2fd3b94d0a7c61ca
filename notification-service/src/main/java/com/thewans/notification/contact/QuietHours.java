package com.thewans.notification.contact;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import com.thewans.common.problem.InvalidField;

/**
 * The part of a user's day in which non-urgent email and SMS wait: from {@code from} (inclusive)
 * to {@code until} (exclusive) in the user's time zone, across midnight when {@code from} is later
 * than {@code until} (22:00-07:00). No quiet hours when both are null.
 */
public record QuietHours(LocalTime from, LocalTime until, ZoneId zone) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Pacific/Port_Moresby");

    public QuietHours {
        if ((from == null) != (until == null)) {
            throw new InvalidField(from == null ? "quietHours.from" : "quietHours.until",
                    "quiet hours need both a start and an end");
        }
        if (from != null && from.equals(until)) {
            throw new InvalidField("quietHours.until", "must differ from the start");
        }
        zone = zone == null ? DEFAULT_ZONE : zone;
    }

    public static QuietHours none(ZoneId zone) {
        return new QuietHours(null, null, zone);
    }

    public boolean isSet() {
        return from != null;
    }

    /** The first moment at or after {@code now} that is outside the quiet hours. */
    public Instant nextAllowed(Instant now) {
        if (!isSet()) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        boolean acrossMidnight = from.isAfter(until);
        if (acrossMidnight) {
            if (!time.isBefore(from)) {
                return day.plusDays(1).atTime(until).atZone(zone).toInstant();
            }
            if (time.isBefore(until)) {
                return day.atTime(until).atZone(zone).toInstant();
            }
            return now;
        }
        if (!time.isBefore(from) && time.isBefore(until)) {
            return day.atTime(until).atZone(zone).toInstant();
        }
        return now;
    }
}
