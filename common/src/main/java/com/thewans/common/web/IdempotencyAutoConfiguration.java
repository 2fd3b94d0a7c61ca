package com.thewans.common.web;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import com.thewans.common.config.ClockAutoConfiguration;

import tools.jackson.databind.json.JsonMapper;

/** {@link IdempotentRequests} for every service with a schema (its table comes with common's migrations). */
@AutoConfiguration(after = ClockAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@ConditionalOnClass(JdbcTemplate.class)
@ConditionalOnProperty("wans.service.schema")
public class IdempotencyAutoConfiguration {

    /** Named so that a service's own class of the same simple name (payment-service has one) does not clash. */
    @Bean
    @ConditionalOnMissingBean
    IdempotentRequests platformIdempotentRequests(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        return new IdempotentRequests(jdbc, json, clock);
    }
}
