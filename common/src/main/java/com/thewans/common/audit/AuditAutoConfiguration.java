package com.thewans.common.audit;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import com.thewans.common.config.ClockAutoConfiguration;

import tools.jackson.databind.json.JsonMapper;

@AutoConfiguration(after = ClockAutoConfiguration.class,
        afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@ConditionalOnClass({JdbcTemplate.class, SecurityContextHolder.class})
@ConditionalOnProperty("wans.service.schema")
public class AuditAutoConfiguration {

    @Bean
    AuditLog auditLog(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        return new AuditLog(jdbc, json, clock);
    }
}
