package com.thewans.common.events;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.RedisStreamCommands.XClaimOptions;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the streams of the event types this service handles, as one consumer of the service's
 * consumer group (so N instances share the work). Each event is handled once per service: the
 * handler runs in a transaction that also records the event id, and a redelivered event whose
 * id is already recorded is only acknowledged. Entries left pending by a consumer that died are
 * claimed after the visibility timeout; an event that failed too often is moved to the
 * dead-letter stream with its last error, for admins to look at.
 */
public class EventConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventConsumer.class);

    private final StringRedisTemplate redis;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final String group;
    private final String consumerName;
    private final Map<String, EventHandler> handlersByStream = new HashMap<>();
    private final EventsProperties settings;
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();

    private final boolean autoStart;
    private volatile boolean running;
    private Thread worker;

    public EventConsumer(StringRedisTemplate redis, JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json,
            String group, Collection<EventHandler> handlers, EventsProperties settings) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.group = group;
        this.consumerName = group + "-" + hostName() + "-" + ManagementFactory.getRuntimeMXBean().getPid();
        this.settings = settings;
        this.autoStart = settings.autoStart();
        for (EventHandler handler : handlers) {
            EventHandler previous = handlersByStream.put(EventStreams.forType(handler.eventType()), handler);
            if (previous != null) {
                throw new IllegalStateException("Two handlers for " + handler.eventType() + " in " + group);
            }
        }
    }

    public String consumerName() {
        return consumerName;
    }

    /** Creates the consumer groups; a new group starts at the beginning so no retained event is missed. */
    public void ensureGroups() {
        for (String stream : handlersByStream.keySet()) {
            try {
                redis.execute((RedisCallback<String>) c -> c.streamCommands()
                        .xGroupCreate(stream.getBytes(), group, ReadOffset.from("0"), true));
            } catch (RedisSystemException e) {
                String reason = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage();
                if (reason == null || !reason.contains("BUSYGROUP")) {
                    throw e;
                }
            }
        }
    }

    /** Reads and handles what is new for this consumer; returns how many entries it saw. */
    @SuppressWarnings("unchecked")
    public int pollOnce(Duration block) {
        StreamOffset<String>[] offsets = handlersByStream.keySet().stream()
                .map(s -> StreamOffset.create(s, ReadOffset.lastConsumed()))
                .toArray(StreamOffset[]::new);
        StreamReadOptions options = StreamReadOptions.empty().count(settings.relayBatchSize());
        if (!block.isZero()) {
            options = options.block(block);
        }
        List<MapRecord<String, Object, Object>> records = redis.opsForStream()
                .read(Consumer.from(group, consumerName), options, offsets);
        if (records == null) {
            return 0;
        }
        records.forEach(this::dispatch);
        return records.size();
    }

    /**
     * Takes over entries another consumer (or this one) left unacknowledged for longer than the
     * visibility timeout: retries them, or dead-letters those delivered too often.
     */
    public int reclaimOnce() {
        int reclaimed = 0;
        for (String stream : handlersByStream.keySet()) {
            PendingMessages pending = redis.opsForStream().pending(stream, group, Range.unbounded(), 100,
                    settings.visibilityTimeout());
            if (pending == null || pending.isEmpty()) {
                continue;
            }
            Map<String, Long> deliveries = new HashMap<>();
            List<RecordId> ids = new ArrayList<>();
            for (PendingMessage message : pending) {
                deliveries.put(message.getIdAsString(), message.getTotalDeliveryCount());
                ids.add(message.getId());
            }
            // XCLAIM with min-idle is atomic: of two reclaiming consumers only one gets each entry
            List<MapRecord<String, Object, Object>> claimed = redis.opsForStream().claim(stream, group, consumerName,
                    XClaimOptions.minIdle(settings.visibilityTimeout()).ids(ids.toArray(RecordId[]::new)));
            for (MapRecord<String, Object, Object> record : claimed) {
                long delivered = deliveries.getOrDefault(record.getId().getValue(), 0L) + 1;
                if (delivered > settings.maxDeliveries()) {
                    deadLetter(record, delivered);
                } else {
                    dispatch(record);
                }
                reclaimed++;
            }
        }
        return reclaimed;
    }

    private void dispatch(MapRecord<String, Object, Object> record) {
        String stream = record.getStream();
        EventHandler handler = handlersByStream.get(stream);
        EventEnvelope event;
        try {
            event = json.readValue(String.valueOf(record.getValue().get("envelope")), EventEnvelope.class);
        } catch (RuntimeException e) {
            lastErrors.put(record.getId().getValue(), "unreadable envelope: " + e.getMessage());
            deadLetter(record, 1);
            return;
        }
        try {
            tx.executeWithoutResult(status -> {
                int fresh = jdbc.update("""
                        insert into processed_event (consumer, event_id, event_type) values (?, ?, ?)
                        on conflict do nothing""", group, event.id(), event.type());
                if (fresh == 1) {
                    handler.handle(event);
                }
            });
            redis.opsForStream().acknowledge(stream, group, record.getId());
            lastErrors.remove(record.getId().getValue());
        } catch (RuntimeException e) {
            // left pending: retried after the visibility timeout, dead-lettered after too many tries
            lastErrors.put(record.getId().getValue(), e.getClass().getSimpleName() + ": " + e.getMessage());
            log.warn("Handling {} {} failed: {}", event.type(), event.id(), e.getMessage());
        }
    }

    private void deadLetter(MapRecord<String, Object, Object> record, long deliveries) {
        String entryId = record.getId().getValue();
        Map<String, String> fields = new HashMap<>();
        fields.put("stream", record.getStream());
        fields.put("group", group);
        fields.put("entryId", entryId);
        fields.put("eventId", String.valueOf(record.getValue().get("id")));
        fields.put("envelope", String.valueOf(record.getValue().get("envelope")));
        fields.put("deliveries", Long.toString(deliveries));
        fields.put("error", lastErrors.getOrDefault(entryId, "unknown (failed in another process)"));
        fields.put("deadLetteredAt", Instant.now().toString());
        redis.opsForStream().add(EventStreams.DEAD_LETTER, fields);
        redis.opsForStream().acknowledge(record.getStream(), group, record.getId());
        lastErrors.remove(entryId);
        log.error("Event {} from {} moved to {} after {} deliveries", fields.get("eventId"), record.getStream(),
                EventStreams.DEAD_LETTER, deliveries);
    }

    @Override
    public void start() {
        if (handlersByStream.isEmpty()) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "event-consumer");
        worker.setDaemon(true);
        worker.start();
    }

    private void run() {
        long nextReclaim = 0;
        boolean groupsReady = false;
        while (running) {
            try {
                if (!groupsReady) {
                    ensureGroups();
                    groupsReady = true;
                }
                pollOnce(settings.consumerBlock());
                if (System.currentTimeMillis() >= nextReclaim) {
                    reclaimOnce();
                    nextReclaim = System.currentTimeMillis() + settings.reclaimInterval().toMillis();
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Event consumer {} could not read: {}", consumerName, e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            try {
                worker.join(settings.consumerBlock().toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isAutoStartup() {
        return autoStart;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "host";
        }
    }
}
