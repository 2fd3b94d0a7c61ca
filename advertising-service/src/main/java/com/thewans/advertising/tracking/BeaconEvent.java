package com.thewans.advertising.tracking;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a player reports about a served ad, named as VAST names it. Each is counted at most once per
 * ad serving id; {@code pause} is accepted (players send it) but not reported.
 */
public enum BeaconEvent {
    IMPRESSION("impression", "impressions"),
    START("start", null),
    FIRST_QUARTILE("firstQuartile", "first_quartiles"),
    MIDPOINT("midpoint", "midpoints"),
    THIRD_QUARTILE("thirdQuartile", "third_quartiles"),
    COMPLETE("complete", "completes"),
    PAUSE("pause", null),
    SKIP("skip", "skips"),
    CLICK("click", "clicks"),
    ERROR("error", "errors");

    private static final Map<String, BeaconEvent> BY_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(BeaconEvent::vastName, Function.identity()));

    private final String vastName;
    private final String column;

    BeaconEvent(String vastName, String column) {
        this.vastName = vastName;
        this.column = column;
    }

    public String vastName() {
        return vastName;
    }

    /** The ad_impressions column it adds to; null when it is accepted but not counted. */
    String column() {
        return column;
    }

    public static Optional<BeaconEvent> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
