package com.thewans.common.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the outbox relay and stream consumers.
 *
 * @param relayPollInterval how often the relay looks for events committed by other instances
 * @param relayBatchSize    events sent per relay transaction
 * @param retention         how long published outbox rows are kept
 * @param streamMaxLength   approximate cap of each event stream
 * @param consumerBlock     how long one read waits for new entries
 * @param visibilityTimeout after how long an unacknowledged entry is taken from its consumer
 * @param maxDeliveries     deliveries before an event goes to the dead-letter stream
 * @param reclaimInterval   how often pending entries are checked
 * @param autoStart         whether relay and consumer run in the background (tests drive them by hand)
 */
@ConfigurationProperties("wans.events")
public record EventsProperties(
        @DefaultValue("500ms") Duration relayPollInterval,
        @DefaultValue("100") int relayBatchSize,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1000000") long streamMaxLength,
        @DefaultValue("1s") Duration consumerBlock,
        @DefaultValue("30s") Duration visibilityTimeout,
        @DefaultValue("5") int maxDeliveries,
        @DefaultValue("5s") Duration reclaimInterval,
        @DefaultValue("true") boolean autoStart) {
}
