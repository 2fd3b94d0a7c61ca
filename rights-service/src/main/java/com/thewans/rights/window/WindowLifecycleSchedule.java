package com.thewans.rights.window;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs the window lifecycle on a fixed delay; every instance may run it (see WindowLifecycle). */
@Configuration(proxyBeanMethods = false)
class WindowLifecycleSchedule {

    private static final Logger log = LoggerFactory.getLogger(WindowLifecycleSchedule.class);

    @Bean
    WindowLifecycle windowLifecycle(JdbcTemplate jdbc, PlatformTransactionManager transactions, WindowEvents events,
            ApplicationEventPublisher publisher, Clock clock) {
        return new WindowLifecycle(jdbc, new TransactionTemplate(transactions), events, publisher, clock);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "rights.lifecycle.enabled", havingValue = "true", matchIfMissing = true)
    static class Poller {

        private final WindowLifecycle lifecycle;

        Poller(WindowLifecycle lifecycle) {
            this.lifecycle = lifecycle;
        }

        @Scheduled(fixedDelayString = "${rights.lifecycle.poll-interval:5s}", initialDelayString = "5s")
        void advance() {
            try {
                int moved = lifecycle.advance();
                if (moved > 0) {
                    log.info("Window lifecycle: {} transition(s)", moved);
                }
            } catch (RuntimeException e) {
                log.warn("Window lifecycle pass failed, retrying on the next one: {}", e.getMessage());
            }
        }
    }
}
