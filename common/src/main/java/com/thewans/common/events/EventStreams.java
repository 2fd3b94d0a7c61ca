package com.thewans.common.events;

/** Redis Stream names: one stream per event type, one dead-letter stream for the platform. */
public final class EventStreams {

    public static final String PREFIX = "events.";
    public static final String DEAD_LETTER = "events.dead-letter";

    private EventStreams() {
    }

    public static String forType(String type) {
        return PREFIX + type;
    }

    public static String typeOf(String stream) {
        return stream.startsWith(PREFIX) ? stream.substring(PREFIX.length()) : stream;
    }
}
