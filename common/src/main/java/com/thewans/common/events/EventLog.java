package com.thewans.common.events;

import java.util.List;

/** Where the relay appends events: Redis Streams in production, the same in tests. */
public interface EventLog {

    /** Appends the serialized envelope to the stream of its type; returns the stream entry id. */
    String append(String type, String eventId, String envelopeJson);

    record Entry(String stream, String entryId, String eventId, String envelopeJson) {
    }

    List<Entry> read(String stream, int count);
}
