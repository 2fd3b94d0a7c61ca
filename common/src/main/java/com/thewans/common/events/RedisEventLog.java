package com.thewans.common.events;

import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Event streams on Redis: XADD with an approximate cap so streams do not grow without bound. */
public class RedisEventLog implements EventLog {

    private final StringRedisTemplate redis;
    private final long maxLength;

    public RedisEventLog(StringRedisTemplate redis, long maxLength) {
        this.redis = redis;
        this.maxLength = maxLength;
    }

    @Override
    public String append(String type, String eventId, String envelopeJson) {
        MapRecord<String, String, String> record = StreamRecords.newRecord()
                .in(EventStreams.forType(type))
                .ofMap(Map.of("id", eventId, "type", type, "envelope", envelopeJson));
        RecordId id = redis.opsForStream().add(record, XAddOptions.maxlen(maxLength).approximateTrimming(true));
        return id == null ? null : id.getValue();
    }

    @Override
    public List<Entry> read(String stream, int count) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                .range(stream, Range.unbounded(), Limit.limit().count(count));
        if (records == null) {
            return List.of();
        }
        return records.stream()
                .map(r -> new Entry(stream, r.getId().getValue(), String.valueOf(r.getValue().get("id")),
                        String.valueOf(r.getValue().get("envelope"))))
                .toList();
    }
}
