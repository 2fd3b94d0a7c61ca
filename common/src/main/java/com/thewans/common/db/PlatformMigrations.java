package com.thewans.common.db;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Tables every service has (outbox, processed events, audit log) are migrated from common's own
 * scripts with their own history table, before the service's migrations run. So common can
 * evolve them without its version numbers ever colliding with a service's V1, V2, ...
 */
@AutoConfiguration
@ConditionalOnClass({Flyway.class, FlywayMigrationStrategy.class})
public class PlatformMigrations {

    public static final String HISTORY_TABLE = "platform_schema_history";

    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy platformThenServiceMigrations() {
        return flyway -> {
            migratePlatformTables(flyway);
            flyway.migrate();
        };
    }

    public static void migratePlatformTables(Flyway serviceFlyway) {
        Flyway.configure()
                .configuration(serviceFlyway.getConfiguration())
                .locations("classpath:db/common")
                .table(HISTORY_TABLE)
                .baselineOnMigrate(false)
                .load()
                .migrate();
    }
}
