package com.thewans.rights.window;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.thewans.rights.RightsSettings;

/** Runs the window lifecycle on a fixed delay; every instance may run it (see WindowLifecycle). */
@Configuration(proxyBeanMethods = false)
class WindowLifecycleSchedule {

    private static final Logger log = LoggerFactory.getLogger(WindowLifecycleSchedule.class);
    private static final Duration FIRST_PASS_AFTER = Duration.ofSeconds(5);

    @Bean
    WindowLifecycle windowLifecycle(WindowTransitions transitions, PlatformTransactionManager transactions,
            WindowEvents events, ApplicationEventPublisher publisher, Clock clock) {
        return new WindowLifecycle(transitions, new TransactionTemplate(transactions), events, publisher, clock);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(name = "wans.rights.lifecycle.enabled", havingValue = "true", matchIfMissing = true)
    static class Poller implements SchedulingConfigurer {

        private final WindowLifecycle lifecycle;
        private final RightsSettings settings;

        Poller(WindowLifecycle lifecycle, RightsSettings settings) {
            this.lifecycle = lifecycle;
            this.settings = settings;
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar registrar) {
            registrar.addFixedDelayTask(new FixedDelayTask(this::advance, settings.lifecycle().pollInterval(),
                    FIRST_PASS_AFTER));
        }

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
