package com.thewans.notification.reaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How amounts and dates read in messages: K 9.90 for kina, dates in Port Moresby's time. */
final class Wording {

    private static final ZoneId PORT_MORESBY = ZoneId.of("Pacific/Port_Moresby");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH)
            .withZone(PORT_MORESBY);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(PORT_MORESBY);

    private Wording() {
    }

    static String amount(long minorUnits, String currency) {
        String value = BigDecimal.valueOf(minorUnits, 2).toPlainString();
        return switch (currency == null ? "" : currency) {
            case "PGK" -> "K " + value;
            case "USD" -> "US$ " + value;
            default -> currency + " " + value;
        };
    }

    static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    /** The day alone, for what ends on a day (a subscription's period). */
    static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }
}
