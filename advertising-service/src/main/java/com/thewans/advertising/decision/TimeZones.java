package com.thewans.advertising.decision;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/**
 * The viewer's local time for dayparts: the zone the player reports (the device knows it, e.g.
 * Intl's resolvedOptions().timeZone), else the main zone of the viewer's territory, else UTC.
 * Java has no country-to-zone table, so the platform's markets are listed here.
 */
final class TimeZones {

    private static final Map<String, String> BY_TERRITORY = Map.ofEntries(
            Map.entry("PG", "Pacific/Port_Moresby"), Map.entry("FJ", "Pacific/Fiji"),
            Map.entry("SB", "Pacific/Guadalcanal"), Map.entry("VU", "Pacific/Efate"),
            Map.entry("NC", "Pacific/Noumea"), Map.entry("WS", "Pacific/Apia"), Map.entry("TO", "Pacific/Tongatapu"),
            Map.entry("KI", "Pacific/Tarawa"), Map.entry("TV", "Pacific/Funafuti"), Map.entry("NR", "Pacific/Nauru"),
            Map.entry("CK", "Pacific/Rarotonga"), Map.entry("PF", "Pacific/Tahiti"),
            Map.entry("AU", "Australia/Sydney"),
            Map.entry("NZ", "Pacific/Auckland"), Map.entry("ID", "Asia/Jakarta"), Map.entry("PH", "Asia/Manila"),
            Map.entry("US", "America/New_York"), Map.entry("GB", "Europe/London"));

    private TimeZones() {
    }

    static ZoneId of(String reported, String territory) {
        if (reported != null && !reported.isBlank() && reported.length() <= 64) {
            try {
                return ZoneId.of(reported);
            } catch (DateTimeException e) {
                // a player's odd zone name is not worth refusing an ad for
            }
        }
        String zone = territory == null ? null : BY_TERRITORY.get(territory);
        return zone == null ? ZoneId.of("UTC") : ZoneId.of(zone);
    }
}
