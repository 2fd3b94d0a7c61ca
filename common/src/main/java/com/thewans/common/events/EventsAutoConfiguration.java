package com.thewans.common.events;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.common.config.ClockAutoConfiguration;

import tools.jackson.databind.json.JsonMapper;

/** Outbox, relay and consumers for every service that has a database and Redis. */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, DataRedisAutoConfiguration.class,
        ClockAutoConfiguration.class},
        afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@ConditionalOnClass({JdbcTemplate.class, StringRedisTemplate.class})
@ConditionalOnProperty("wans.service.schema")
@EnableConfigurationProperties(EventsProperties.class)
public class EventsAutoConfiguration {

    @Bean
    EventLog eventLog(StringRedisTemplate redis, EventsProperties properties) {
        return new RedisEventLog(redis, properties.streamMaxLength());
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactions, EventLog eventLog,
            EventsProperties properties, Clock clock) {
        return new OutboxRelay(jdbc, new TransactionTemplate(transactions), eventLog, properties.relayPollInterval(),
                properties.relayBatchSize(), properties.retention(), clock)
                .autoStart(properties.autoStart());
    }

    @Bean
    DomainEvents domainEvents(JdbcTemplate jdbc, JsonMapper json, OutboxRelay relay,
            @Value("${spring.application.name}") String producer, Clock clock) {
        return new DomainEvents(jdbc, json, producer, clock, relay::nudge);
    }

    @Bean
    EventConsumer eventConsumer(StringRedisTemplate redis, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            JsonMapper json, @Value("${spring.application.name}") String group, List<EventHandler> handlers,
            EventsProperties properties) {
        return new EventConsumer(redis, jdbc, new TransactionTemplate(transactions), json, group, handlers, properties);
    }
}
